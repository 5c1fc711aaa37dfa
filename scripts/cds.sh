#!/usr/bin/env bash
# Faster start: extracts target/worklens.jar into target/cds and records a class-data-sharing
# archive from a training start, which roughly halves the time to the first page.
# The archive is bound to the jar's absolute path: start with the command the script prints, from
# the folder that should hold ./data.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/worklens.jar ] || ./mvnw -q package -DskipTests
rm -rf target/cds
java -Djarmode=tools -jar target/worklens.jar extract --destination target/cds >/dev/null
dir="$(pwd)/target/cds"
training="$(mktemp -d)"
# the training run stops once the application context is ready; it uses a throwaway database
(cd "$training" && DATABASE_URL="jdbc:h2:mem:cds-training;MODE=PostgreSQL" \
  java -XX:ArchiveClassesAtExit="$dir/worklens.jsa" -Dspring.context.exit=onRefresh -jar "$dir/worklens.jar" >/dev/null)
rm -rf "$training"
echo "start with: java -XX:SharedArchiveFile=$dir/worklens.jsa -jar $dir/worklens.jar"
