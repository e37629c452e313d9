#!/usr/bin/env bash
# mechcheck as a library: installs it into the local Maven repository, then builds and tests a
# researcher's own Maven project that depends on it (her mechanism, her JUnit test against the
# checker and the search), in a temporary folder outside the repository.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
(cd "$here" && mvn -B -q -DskipTests install)
version=$(cd "$here" && mvn -B -q -Dstyle.color=never help:evaluate -Dexpression=project.version -DforceStdout | sed "s/\x1b\[[0-9;]*m//g")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src/main/java" "$work/src/main/resources/META-INF/services" "$work/src/test/java"
cp "$here/src/test/resources/workbench/PayYourBid.java" "$work/src/main/java/"
echo PayYourBid > "$work/src/main/resources/META-INF/services/org.mechcheck.mechanism.Mechanism"
cat > "$work/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.example</groupId>
  <artifactId>my-auctions</artifactId>
  <version>1</version>
  <properties><maven.compiler.release>17</maven.compiler.release><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
  <dependencies>
    <dependency><groupId>org.mechcheck</groupId><artifactId>mechcheck</artifactId><version>$version</version></dependency>
    <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><version>5.11.4</version><scope>test</scope></dependency>
  </dependencies>
  <build><plugins>
    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version></plugin>
    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-surefire-plugin</artifactId><version>3.5.2</version></plugin>
  </plugins></build>
</project>
POM
cat > "$work/src/test/java/PayYourBidTest.java" <<'JAVA'
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.network.Agent;
import org.mechcheck.network.Market;
import org.mechcheck.network.NetworkClass;
import org.mechcheck.plugin.Registry;
import org.mechcheck.property.Benchmark;
import org.mechcheck.property.Checker;
import org.mechcheck.property.Property;
import org.mechcheck.property.Violation;
import org.mechcheck.search.Search;

class PayYourBidTest {
  @Test
  void aLoneBuyerShadesHerBid() {
    Market m = new Market("one", "test", "s", List.of(Agent.bidder("A", BigFraction.of(3), true)), List.of(new int[] {0, 1}), 1);
    List<Violation> found = new Checker(new PayYourBid()).check(m, Set.of(Property.IC));
    assertEquals(1, found.size());
    assertEquals(BigFraction.of(3), found.get(0).deviating(), "bidding 0 she keeps her whole value");
  }

  @Test
  void theSearchFindsItAndTheRegistryFindsHerMechanism() {
    Mechanism mine = Registry.standard().find(Mechanism.class, "pay-your-bid").orElseThrow();
    Search.Result r = new Search(mine, Property.IC, Benchmark.VICKREY, NetworkClass.SOCIAL, BigFraction.of(100), 30_000, 1).run(2, 60, Search.SILENT);
    assertTrue(r.refuted());
  }
}
JAVA
(cd "$work" && mvn -B -q test)
echo "library check: a project depending on org.mechcheck:mechcheck:$version compiled its mechanism and passed its tests"
