#!/usr/bin/env bash
# shellcheck shell=bash
# Groovy, for checking templates/jenkins/Jenkinsfile without a Jenkins (__tests__/e2e/cli/jenkinsfile.test.ts compiles
# it to its syntax tree): the groovy jar of a pinned version from Maven Central, fetched by Maven into
# $CACHE/tools/groovy-<version>/ (CACHE = $CLAIR_SCAN_CACHE or ~/.cache/clair-scan); run by the JRE Maven brings.
# Sourced by test-env.sh for ensure_groovy.

GROOVY_VERSION=4.0.33

groovy_jar() { echo "$CACHE/tools/groovy-$GROOVY_VERSION/groovy-$GROOVY_VERSION.jar"; }

ensure_groovy() {
  local jar dir
  jar=$(groovy_jar)
  [ -s "$jar" ] && return 0
  dir=$(dirname "$jar")
  mkdir -p "$dir"
  log "fetching groovy $GROOVY_VERSION (Maven Central) into $dir"
  mvn -q -B dependency:copy -Dartifact="org.apache.groovy:groovy:$GROOVY_VERSION" -DoutputDirectory="$dir" >"$STATE/groovy.log" 2>&1 ||
    die "could not fetch groovy $GROOVY_VERSION with Maven (see $STATE/groovy.log)"
  [ -s "$jar" ] || die "Maven did not leave $jar (see $STATE/groovy.log)"
}
