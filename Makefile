# Shortcuts for people who forget Maven flags. JAVA_HOME is found by bin/lib.sh.
JAVA_HOME ?= $(shell bash -c 'source bin/lib.sh && mvirt_find_jdk')
export JAVA_HOME
MVN = ./mvnw -B

.PHONY: fmt check test unit build e2e
fmt:    ## format every Java file
	$(MVN) -q spotless:apply
check:  ## format check, Error Prone/NullAway, ArchUnit, unit tests (no host tests)
	$(MVN) verify -DexcludedGroups=host -DskipITs
test:   ## everything, as CI runs it
	bin/test
unit:   ## unit tests only, fast
	$(MVN) test -DexcludedGroups=host -Dspotless.check.skip=true
build:  ## jars and runtime classpaths for bin/ launchers
	$(MVN) -q install -DskipTests -Dspotless.check.skip=true
