"""Vocabulary of the wire corpus: event templates, calendar words, context and filler sentences, headlines."""

from __future__ import annotations

__all__ = [
    "BY_KIND", "KIND_WEIGHTS", "WEEKDAYS", "MONTHS", "AP_MONTHS", "NUMBER_WORDS", "CONTEXT", "FILLERS",
    "SY_FILLERS", "ORGS", "CAPITALS", "PEOPLE", "ROLES", "HEAD_VERBS", "HEAD_TAILS", "QUIET_HEADS",
]


#: "kind stance|template"; stance r(eported), c(laimed), d(enied), v(erified). {G} gains, {L} loses,
#: {A}/{B} fight with no winner; {T} a time phrase, {S} "since ...", {MY} a past month or year.
_TEMPLATES = """captured r|{G} captured {P}{T}
captured r|{G} seized {P}{T}
captured r|{G} took control of {P}{T}
captured r|{G} {g_has} taken control of {P}
captured r|{G} took full control of {P}{T}
captured r|{G} overran {P}{T}
captured r|{G} took {P}{T}
captured r|{G} drove {L} out of {P}{T}
captured r|{G} wrested control of {P} from {L}{T}
captured r|{G} completed {g_its} takeover of {P}{T}
captured r|{P} fell to {G}{T}
captured r|{P} {p_was} captured by {G}{T}
captured r|{P} {p_was} overrun by {G}{T}
captured r|{P} came under the full control of {G}{T}
captured r|{L} lost control of {P}{T}
captured r|{L} lost {P} to {G}{T}
captured r|The fall of {P} to {G}{T} left {L} without a foothold in the area
captured r|The capture of {P} by {G}{T} opened the road south
captured r|{P} had fallen to {G} {MY}
captured c|{G} said {g_it} had captured {P}{T}
captured c|{G} announced the capture of {P}{T}
captured c|"Our fighters have liberated {P}," {G} said in a statement
captured d|{L} denied losing {P}, saying {l_its} troops were still fighting on its outskirts
captured d|{L} denied that {P} had fallen to {G}
entered r|{G} entered {P}{T}
entered r|{G} pushed into {P}{T}
entered r|{G} broke into {P}{T}
entered r|{G} swept into {P}{T}
entered r|{G} fought {g_their} way into {P}{T}
entered r|Fighters from {G} were inside {P}{T}
entered r|{G} moved into {P}{T}
entered v|Footage verified by {outlet} showed {G} inside {P}{T}
entered c|{G} said {g_it} had entered {P}{T}
entered d|{L} denied that {G} had entered {P}
regained r|{G} recaptured {P}{T}
regained r|{G} retook {P}{T}
regained r|{G} regained control of {P}{T}
regained r|{G} won back {P}{T}
regained r|{P} {p_was} retaken by {G}{T}
regained r|{G} pushed {L} back out of {P}{T}
regained r|{G} had recaptured {P} {MY}
regained c|{G} said {g_it} had recaptured {P}{T}
besieged r|{G} laid siege to {P}{T}
besieged r|{G} encircled {P}{T}
besieged r|{G} completed the encirclement of {P}{T}
besieged r|{P} {p_was} surrounded by {G}{T}
besieged r|{G} besieged {P}{T}
besieged c|{G} said {g_it} had encircled {P}{T}
siege_broken r|{G} broke the siege of {P}{T}
siege_broken r|{G} lifted the siege of {P}{T}
siege_broken r|{G} broke through to the besieged garrison in {P}{T}
siege_broken c|{G} said {g_it} had broken the siege of {P}{T}
withdrew r|{L} withdrew from {P}{T}
withdrew r|{L} pulled out of {P}{T}
withdrew r|{L} retreated from {P}{T}
withdrew r|{L} abandoned {l_their} positions in {P}{T}
withdrew r|{L} evacuated {P}{T}
withdrew c|{L} said {l_it} had withdrawn from {P}{T} to protect civilians
withdrew d|{L} denied withdrawing from {P}
contested r|Fierce fighting raged in {P}{T} between {A} and {B}
contested r|{A} clashed with {B} inside {P}{T}
contested r|{A} and {B} were battling for control of {P}{T}
contested r|Street fighting broke out in {P}{T}
held r|{P} has been held by {G}{S}
held r|{P} has been under the control of {G}{S}
held r|{P} has remained in the hands of {G}{S}
held r|{P} is controlled by {G}
held r|{P} remains in the hands of {G}
held r|{P} is a stronghold of {G}"""


def _parse_templates(text: str) -> dict[str, tuple[tuple[str, str], ...]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for line in text.splitlines():
        head, template = line.split("|", 1)
        kind, stance = head.split()
        out.setdefault(kind, []).append(({"r": "reported", "c": "claimed", "d": "denied", "v": "verified"}[stance],
                                         template))
    return {k: tuple(v) for k, v in out.items()}


BY_KIND = _parse_templates(_TEMPLATES)
KIND_WEIGHTS = {"captured": 40, "entered": 12, "regained": 10, "besieged": 8, "withdrew": 8, "contested": 8,
                 "held": 9, "siege_broken": 5}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
AP_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven")


CONTEXT = (
    "{N} lies about {km} km ({mi} miles) {dir} of {R}.",
    "There was no immediate comment from {L}.",
    "{outlet} could not independently verify the account.",
    "At least {n} fighters were killed in the assault, according to the monitor.",
    "Thousands of residents fled {N} towards {R} as the fighting approached.",
    "The advance brings {G} to within about {km} km ({mi} miles) of {R}.",
    "{N} had a pre-war population of about {pop}.",
    "Video shared online showed fighters posing beside abandoned armoured vehicles.",
)
#: Sentences that name places and sides but state no change of control (approaches, threats, negations,
#: air strikes, prices, aid, diplomacy): they measure precision.
FILLERS = (
    "The United Nations said more than {big} people had been displaced from {X} and surrounding villages in the "
    "past week, many of them sleeping in the open.",
    "Aid agencies said hospitals in {X} were struggling to cope with the wounded and that fuel for generators was "
    "running low.",
    "{org} said its teams had delivered food and medical supplies to {X}, the first convoy to reach the area in "
    "{n} weeks.",
    "Warplanes struck {X} and {Y} overnight, killing at least {n} people, rescue workers said.",
    "Shelling on the outskirts of {X} continued into the evening, residents said, and several families fled "
    "towards {R}.",
    "Long queues formed outside bakeries in {X} as the price of bread doubled.",
    'Foreign ministers meeting in {cap} called for an immediate ceasefire and for safe corridors to be opened '
    'around {X}.',
    "In {X}, the local currency fell to a record low of {big} to the dollar.",
    "Electricity and internet services were cut in {X} for a third day, the telecoms operator said.",
    "Analysts said {G} could push on towards {R} within weeks, although {L} had reinforced {l_their} defences "
    "there.",
    "{G} vowed to take {X} within days.",
    "{L} said {l_it} {l_was} preparing a counter-offensive to retake {X}.",
    "{G} {g_was} about {km} km ({mi} miles) from {X} but had not entered the town, {monitor}.",
    "An attack by {G} on {X} was repelled after hours of fighting, {monitor}.",
    "{G} failed to capture {X} despite {n} days of heavy fighting.",
    "{G} reached the outskirts of {X}, {monitor}.",
    "Schools in {X} have been closed since {month}, and teachers say many pupils have not returned.",
    "Food prices in {X} have risen by more than {pct} percent since the start of the year, {org} said.",
    "Satellite images reviewed by analysts showed damage to dozens of buildings in central {X}.",
    "Residents of {X} described a tense calm, with shops shuttered and few cars on the streets.",
    "A convoy of {n} trucks carrying aid crossed into the area, heading for {X} and {Y}.",
    "The border crossing near {X} was crowded with families trying to leave.",
    "{org} estimated that {big} people remained in {X}, many of them elderly or sick.",
    "Officials in {cap} said they were monitoring the situation closely and urged all sides to protect "
    "civilians.",
    "The fighting is the worst in the area since a ceasefire was agreed in {year}.",
    "Mobile phone footage shared online showed columns of smoke rising over {X}.",
    "The road between {X} and {Y} has been closed to civilian traffic, drivers said.",
    '"We have nothing left. Every night we hear the explosions," said {person}, a {role} from {X}.',
    '"The situation in {X} is catastrophic," said {person}, who works for {org}.',
    "Talks on a prisoner exchange, mediated by officials from {cap}, are expected to resume next month.",
    "Drones were reported over {X} on {wd}, and anti-aircraft fire could be heard across the city.",
    "Farmers around {X} said they had been unable to harvest their crops for a second season.",
)
SY_FILLERS = (
    "The Syrian Observatory for Human Rights, a Britain-based war monitor, said at least {n} civilians were among "
    "the dead in {X}.",
    "The UN envoy for Syria, speaking in Geneva, urged all parties to return to talks.",
    "Syrian state media said troops were confronting terrorist groups around {X} and had inflicted heavy losses.",
    "The M5 highway, which links Damascus with Aleppo, has been a key objective for both sides throughout the war.",
    "Turkey's foreign minister said Ankara was in contact with all parties and wanted calm along its border.",
    "The Syrian pound has lost most of its value since 2011, and most Syrians now live in poverty, the UN says.",
)
ORGS = ("the World Food Programme", "UNICEF", "the UN refugee agency", "the International Committee of the Red Cross",
         "Medecins Sans Frontieres", "the Norwegian Refugee Council", "the World Health Organization",
         "Save the Children")
CAPITALS = {"SY": ("Ankara", "Moscow", "Tehran", "Washington", "Doha", "Amman", "Geneva", "Brussels", "Riyadh"),
             "": ("Washington", "Brussels", "Geneva", "London", "Paris", "Beijing", "Addis Ababa", "New York")}
PEOPLE = (("Omar", "Fatima", "Khaled", "Layla", "Ahmad", "Mariam", "Yusuf", "Hana", "Samir", "Nour", "Olena",
            "Ibrahim"),
           ("Haddad", "Mansour", "Khalil", "Saleh", "Nasser", "Darwish", "Aziz", "Bakri", "Hamdan", "Issa"))
ROLES = ("teacher", "doctor", "shopkeeper", "father of four", "pharmacist", "farmer", "student", "nurse")


HEAD_VERBS = {"captured": ("seize", "capture", "take"), "regained": ("retake", "recapture"),
               "entered": ("enter", "push into"), "besieged": ("encircle", "besiege"),
               "siege_broken": ("break siege of",), "withdrew": ("pull out of", "withdraw from"),
               "contested": ("battle for",), "held": ("hold",)}
HEAD_TAILS = ("", "", ", monitor says", " in lightning advance", " as offensive widens", " after days of fighting")
QUIET_HEADS = ("Aid agencies warn of mass displacement as fighting spreads", "Civilians flee as front lines shift",
                "Ceasefire calls grow as humanitarian crisis deepens", "Prices soar and power fails as war drags on")
