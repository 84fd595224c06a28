#!/usr/bin/env bash
# Install QGIS and its Python bindings from Debian (for the tests marked qgis), and say how
# long it took. Needs root (CI runs as root). Skips the install when the bindings already load.
set -euo pipefail
start=$(date +%s)
if /usr/bin/python3 -c "import qgis.core" 2>/dev/null; then
    echo "install-qgis: python3-qgis already installed ($(dpkg-query -W -f='${Version}' qgis 2>/dev/null || echo '?'))"
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends qgis python3-qgis >/dev/null
/usr/bin/python3 -c "import qgis.core" 
end=$(date +%s)
echo "install-qgis: qgis $(dpkg-query -W -f='${Version}' qgis) installed in $((end - start)) s"
