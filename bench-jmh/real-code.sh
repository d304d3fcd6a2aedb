#!/usr/bin/env bash
# Fetches the code bases of the real-code context benchmark (RealCodeContextMain) at fixed versions,
# from the registries' ordinary clients, into bench-jmh/real-code/ (git-ignored):
#   Java:       kafka-clients 3.9.0 sources jar (Maven Central, mvn dependency:copy)
#   Python:     Django 3.2.25 (Debian bookworm's python3-django, apt-get download; no root needed)
#   TypeScript: rxjs 7.8.2 (npm pack; the package ships its .ts sources under src/)
# Run from anywhere; a code base already there is kept.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/real-code"
mkdir -p "$out/downloads"
cd "$out/downloads"

if [ ! -d "$out/kafka-clients-3.9.0" ]; then
  mvn -B -ntp -q dependency:copy -Dartifact=org.apache.kafka:kafka-clients:3.9.0:jar:sources -DoutputDirectory=.
  mkdir -p "$out/kafka-clients-3.9.0"
  (cd "$out/kafka-clients-3.9.0" && unzip -q "$out/downloads/kafka-clients-3.9.0-sources.jar" -x 'META-INF/*')
fi

if [ ! -d "$out/django-3.2.25" ]; then
  apt-get download python3-django=3:3.2.25-0+deb12u7
  rm -rf "$out/django-deb" && mkdir -p "$out/django-deb"
  dpkg-deb -x python3-django_*3.2.25-0+deb12u7_all.deb "$out/django-deb"
  mkdir -p "$out/django-3.2.25"
  mv "$out/django-deb/usr/lib/python3/dist-packages/django" "$out/django-3.2.25/django"
  rm -rf "$out/django-deb"
fi

if [ ! -d "$out/rxjs-7.8.2" ]; then
  npm pack rxjs@7.8.2 --silent >/dev/null
  mkdir -p "$out/rxjs-7.8.2"
  tar xzf rxjs-7.8.2.tgz -C "$out/rxjs-7.8.2" --strip-components=1
fi

for base in kafka-clients-3.9.0 django-3.2.25 rxjs-7.8.2; do
  echo "$base: $(find "$out/$base" -type f \( -name '*.java' -o -name '*.py' -o -name '*.ts' \) | wc -l) source files"
done
