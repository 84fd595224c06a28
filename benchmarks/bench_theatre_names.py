"""Where the place names the theatres' front-line reporting uses resolve: at home, next door, abroad or nowhere.

Each name of :data:`NAMES` (written from the team's knowledge of the wars, not taken from any corpus or
benchmark) is put alone in a sentence ("Fighting was reported in X on Friday.") and found with
``Gazetteer.find`` with its theatre's countries as the focus, as the extractor reads a report of that war.
Counted per theatre: resolved in the theatre's countries, in a neighbouring country, abroad (elsewhere), or
unknown (no mention). Whether a name at home is the right place is not checked here (``bench_coverage.py``
does that against reference points); this counts the names that land on the wrong continent or nowhere.

Usage::

    python benchmarks/bench_theatre_names.py [--list abroad|unknown|neighbour]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

#: Per theatre, names its front-line reporting uses (towns, villages, bases, camps), comma-separated.
NAMES: dict[str, str] = {
    "ukraine": (
        "Avdiivka, Marinka, Krasnohorivka, Vuhledar, Novomykhailivka, Kurakhove, Velyka Novosilka, Selydove,"
        "Pokrovsk, Myrnohrad, Toretsk, Niu-York, Chasiv Yar, Klishchiivka, Andriivka, Robotyne, Verbove,"
        "Orikhiv, Huliaipole, Kupiansk, Synkivka, Kreminna, Svatove, Lyman, Siversk, Soledar, Bilohorivka,"
        "Vovchansk, Lyptsi, Hlyboke, Krynky, Kozacha Lopan, Terny, Ocheretyne, Prohres, Umanske, Berdychi,"
        "Staromaiorske, Urozhaine, Rabotino, Sudzha, Malaya Loknya, Korenevo, Martynovka, Sverdlikovo,"
        "Makhnovka, Lgov, Kurakhivka, Dachne, Zoryane, Kostiantynopil, Bohoiavlenka, Udachne, Kotlyne, Bakhmut,"
        "Ivanivske, Horlivka, Yasynuvata, Izium, Balakliia, Snihurivka, Davydiv Brid, Mala Tokmachka, Tokmak,"
        "Polohy, Vasylivka, Kamianske, Stepnohirsk, Kurdiumivka, Bila Hora, Pivnichne, Tonenke, Netailove,"
        "Pervomaiske, Vodiane, Sieverne, Opytne, Pobieda, Heorhiivka, Kostiantynivka, Druzhkivka, Kramatorsk,"
        "Sloviansk, Dobropillia, Bilozerske, Rodynske, Pishchane, Hrodivka, Novohrodivka, Vovche, Tykhe,"
        "Velykyi Burluk, Dvorichna, Kindrashivka, Petropavlivka, Tabaivka, Makiivka, Nevske, Torske, Zarichne,"
        "Yampolivka, Sofiivka, Zaporizhzhia, Enerhodar, Nikopol, Marhanets, Pokrov, Beryslav, Oleshky,"
        "Hola Prystan, Nova Kakhovka, Kakhovka, Antonivka, Tiahynka, Dnipro, Kharkiv, Sumy, Belgorod,"
        "Shebekino, Grayvoron, Tetkino, Glushkovo"),
    "syria": (
        "Saraqib, Maarat al-Numan, Kafr Nabl, Khan Shaykhun, Morek, Latamneh, Kafr Zita, Jisr al-Shughur,"
        "Ariha, Atarib, Darat Izza, Tal Rifaat, Manbij, Deir Hafer, Maskanah, Al-Bab, Azaz, Afrin, Jarablus,"
        "Tal Abyad, Ras al-Ain, Ain Issa, Tabqa, al-Mayadin, Abu Kamal, Hajin, Baghuz, Sukhnah, Qaryatayn,"
        "Palmyra, Douma, Harasta, Jobar, Yabroud, Qusayr, Rastan, Talbiseh, Suran, Halfaya, Mahardah,"
        "Kafr Nubudah, Qalaat al-Madiq, Busra al-Sham, Nawa, Inkhil, Jasim, Sanamayn, Sheikh Miskin, Kuweires,"
        "Abu al-Duhur, Minnigh, Taftanaz, Sarmin, Binnish, Maarat Misrin, Khan Tuman, al-Eis, Hadher, Zarbah,"
        "Tal Tamr, Qamishli, Hasakah, Shaddadi, Markada, Busayrah, Dhiban, Kobani, Sarrin, Raqqa, Deir ez-Zor,"
        "Tiyas, Salamiyah, Muhradah, Suqaylabiyah, Kafr Nubl, Hama, Homs, Daraa, Quneitra, Sweida, Tartus,"
        "Latakia, Kessab, Salma, Kabani"),
    "drc": (
        "Goma, Sake, Minova, Bukavu, Kavumu, Kamanyola, Uvira, Nyangezi, Kalehe, Nyabibwe, Numbi, Ihusi,"
        "Lubero, Kanyabayonga, Kirumba, Butembo, Beni, Oicha, Rutshuru, Kiwanja, Bunagana, Rumangabo, Kibumba,"
        "Kitshanga, Mweso, Kalembe, Nyanzale, Bambo, Kibirizi, Masisi, Rubaya, Ngungu, Karuba, Mushaki,"
        "Walikale, Pinga, Kashebere, Mpofi, Kalonge, Mwenga, Shabunda, Walungu, Kaziba, Kiliba, Luvungi,"
        "Kamituga, Fizi, Baraka, Bunia, Djugu, Mongbwalu, Bweremana, Shasha, Kirotshe, Nyiragongo, Kishishe,"
        "Tongo, Kalengera, Kiwandja, Bulengo, Mubambiro, Kilolirwe, Luofu, Kayna, Alimbongo, Mambasa, Eringeti,"
        "Kasindi, Mutarule, Sange, Makobola, Kasika, Lemera"),
    "myanmar": (
        "Lashio, Laukkai, Chinshwehaw, Hsenwi, Kutkai, Namhsan, Mantong, Mogok, Momeik, Kyaukme, Hsipaw,"
        "Nawnghkio, Mong Ko, Muse, Namhkam, Mabein, Singu, Thabeikkyin, Madaya, Bhamo, Mansi, Shwegu, Momauk,"
        "Sumprabum, Hpakant, Injangyang, Tanai, Chipwi, Pangwa, Myitkyina, Waingmaw, Paletwa, Kyauktaw,"
        "Mrauk-U, Minbya, Myebon, Pauktaw, Ponnagyun, Buthidaung, Maungdaw, Rathedaung, Ann, Taungup, Thandwe,"
        "Gwa, Ramree, Kyaukphyu, Loikaw, Demoso, Hpruso, Mese, Bawlakhe, Shadaw, Pekon, Moebye, Falam, Tonzang,"
        "Tedim, Hakha, Matupi, Mindat, Kanpetlet, Kawlin, Tigyaing, Kalay, Tamu, Homalin, Myawaddy, Kawkareik,"
        "Hpapun, Dawei, Launglon, Mawchi, Kanbalu, Khin-U, Ye-U, Depayin, Pale, Gangaw, Tilin, Kyunhla,"
        "Pinlebu, Banmauk, Indaw, Katha, Kani, Yinmabin, Myinmu, Sagaing, Monywa, Magway, Pakokku, Natogyi,"
        "Myingyan, Taungtha, Kyaukpadaung, Thayetchaung, Sittwe, Manaung"),
    "sudan": (
        "Wad Madani, Sennar, Sinja, Dinder, Abu Hujar, Jebel Moya, Singa, El Fasher, Nyala, Zalingei,"
        "El Geneina, Ed Daein, El Obeid, Bara, Um Rawaba, Rahad, Dilling, Kadugli, Babanusa, El Fula, Muglad,"
        "Abu Zabad, En Nahud, Um Sumeima, Kosti, Rabak, Jebel Aulia, Omdurman, Bahri, Shambat, Kafouri,"
        "Hasaheisa, Rufaa, Tamboul, Al-Managil, Um Kadada, El Koma, Mellit, Kutum, Kabkabiya, Tina, Karnoi,"
        "Um Baru, Tawila, Korma, Malha, Mastura, Ardamata, Kulbus, Sirba, Habila, Foro Baranga, Garsila,"
        "Mukjar, Um Dukhun, Buram, Tulus, Abu Karinka, Adila, El Daein, Gireida, Al-Nuhud, Al-Khuwei, Abu Quta,"
        "Al-Hasaheisa, Al-Kamlin, Jebel Awliya, Soba, Al-Jaili, Shendi, Atbara, Damer, Merowe, Dongola,"
        "Kassala, Gedaref, Port Sudan, Al-Fasher, Khartoum"),
    "sahel": (
        "Kidal, Anefis, Tessalit, Aguelhok, Ber, Lere, Bourem, Menaka, Anderamboukane, Tinzaouaten, Boulkessi,"
        "Mondoro, Djibo, Arbinda, Kaya, Diapaga, Fada N'Gourma, Barsalogho, Dori, Seytenga, Solenzo, Tillaberi,"
        "Ayorou, Tahoua, Tassia, Banibangou, Inates, Chinagodrar, Tabatol, Gao, Timbuktu, Mopti, Sevare, Boni,"
        "Hombori, Douentza, Kati, Nara, Niono, Dioura, Farabougou, Diafarabe, Tenenkou, Djenne, Gossi, Ansongo,"
        "Labbezanga, Takoubao, Kantchari, Sebba, Titao, Ouahigouya, Kongoussi, Namsiguia, Gorom-Gorom, Markoye,"
        "Mansila, Falagountou, Tillia, Torodi, Makalondi, Say, Ouallam, Abala, Assamaka, Agadez, Diffa, Bosso"),
    "yemen": (
        "Marib, al-Hazm, Nihm, Sirwah, Raghwan, al-Abdiyah, Harib, al-Jubah, Taiz, Hodeidah, Hays, al-Khawkhah,"
        "Mocha, Zinjibar, Shuqra, Ataq, Bayhan, Usaylan, al-Dhale, Qatabah, Lahij, al-Anad, Saada, Kitaf,"
        "Baqim, Midi, Hajjah, Abs, Haradh, Aden, Mukalla, Sanaa, Amran, Dhamar, Ibb, Rada'a, al-Bayda,"
        "Mukayras, Lawdar, Mudiyah, Ahwar, Seiyun, Tarim, Nishtun, Ghaydah, Majzar, Medghal, Khab wal Shaaf,"
        "Hazm, al-Tuhayta, Zabid, Bayt al-Faqih, Durayhimi, Salif, Kamaran"),
    "iraq": (
        "Mosul, Tal Afar, Sinjar, Qayyarah, Shirqat, Hawija, Baiji, Tikrit, Samarra, Ramadi, Fallujah, Hit,"
        "Haditha, Rutba, al-Qaim, Rawa, Anah, Amerli, Jurf al-Sakhar, Bashiqa, Bartella, Qaraqosh, Makhmour,"
        "Gwer, Tuz Khurmatu, Jalawla, Saadiya, Baqubah, Muqdadiyah, Kirkuk, Erbil, Dohuk, Sulaymaniyah, Zumar,"
        "Rabia, Hammam al-Alil, Nimrud, Karamlesh, Tel Keppe, Baaj, Hatra, Dujail, Balad, Dhuluiya, Ishaqi,"
        "Karma, Saqlawiyah, Amiriyat al-Fallujah, Habbaniyah, Khalidiya, Baghdadi, Kubaisa, Husaybah, Akashat,"
        "Nukhaib"),
    "libya": (
        "Tripoli, Gharyan, Tarhuna, Sirte, Jufra, Misrata, Benghazi, Derna, Ajdabiya, Ras Lanuf, Brega, Sabha,"
        "Murzuq, Ubari, Zawiya, Sabratha, Surman, Bani Walid, Abu Grein, Zintan, Mizdah, Qasr bin Ghashir,"
        "Ain Zara, Tajoura, Janzour, Aziziya, Asbi'a, Hun, Waddan, Sokna, Jalu, Kufra, Tobruk, Bayda, Al Marj,"
        "Zliten, Khoms, Garabulli, Wishka"),
    "ethiopia": (
        "Mekelle, Adigrat, Axum, Shire, Humera, Alamata, Korem, Woldia, Kobo, Dessie, Kombolcha, Lalibela,"
        "Debre Tabor, Gondar, Bahir Dar, Debre Birhan, Shewa Robit, Bati, Mille, Abala, Sekota, Maychew,"
        "Abiy Adi, Hawzen, Dansha, Mai Kadra, Adwa, Wukro, Samre, Hagere Selam, Zalambessa, Rama, Badme,"
        "Mekoni, Kemise, Ataye, Majete, Debre Markos, Finote Selam, Metema, Gashena, Nefas Mewcha, Weldiya"),
}


def classify(verbose: str | None = None) -> dict[str, Counter[str]]:
    """Return, per theatre, how many names resolve at home, next door, abroad or not at all."""
    from gazetteer import default_gazetteer
    from geo.theatres.loader import theatre_named

    gz = default_gazetteer()
    table: dict[str, Counter[str]] = {}
    for theatre_id, names in NAMES.items():
        theatre = theatre_named(theatre_id)
        counts: Counter[str] = Counter()
        for name in [n.strip() for n in names.split(",") if n.strip()]:
            text = f"Fighting was reported in {name} on Friday."
            start = text.index(name)
            found = [m for m in gz.find(text, focus=theatre.countries) if m.start < start + len(name) and start < m.end]
            place = found[0].place if found else None
            if place is None:
                verdict = "unknown"
            elif place.country in theatre.countries:
                verdict = "home"
            elif place.country in theatre.context_countries:
                verdict = "neighbour"
            else:
                verdict = "abroad"
            counts[verdict] += 1
            if verdict == verbose:
                where = f" -> {place.name} ({place.kind}, {place.country})" if place is not None else ""
                print(f"{theatre_id}: {name}{where}", file=sys.stderr)
        table[theatre_id] = counts
    return table


def main(argv: list[str] | None = None) -> int:
    """Print the table (command-line entry point)."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--list", choices=("abroad", "unknown", "neighbour", "home"), help="list these names")
    args = parser.parse_args(argv)
    table = classify(args.list)
    print(f"{'theatre':10} {'names':>6} {'home':>6} {'next door':>9} {'abroad':>6} {'unknown':>7}")
    total: Counter[str] = Counter()
    for theatre_id, c in table.items():
        total.update(c)
        print(f"{theatre_id:10} {sum(c.values()):6d} {c['home']:6d} {c['neighbour']:9d} {c['abroad']:6d} "
              f"{c['unknown']:7d}")
    print(f"{'total':10} {sum(total.values()):6d} {total['home']:6d} {total['neighbour']:9d} {total['abroad']:6d} "
          f"{total['unknown']:7d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
