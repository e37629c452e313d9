package org.mechcheck.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mechcheck.store.InputException;

/** Claims outside the network mechanisms name the check that judges them; the registry refuses an unknown one. */
class ModelClaimsTest {
  @TempDir Path dir;

  @Test
  void unknownCheckIsRefusedWithItsName() throws IOException {
    Path f = dir.resolve("claims.json");
    Files.writeString(f, """
        {"claims": [{"id": "x/y/z", "mechanism": "x", "property": "BIC", "domain": "z", "checkedBy": "no-such-check",
          "source": "003", "statement": "s"}]}""");
    InputException e = assertThrows(InputException.class, () -> ClaimRegistry.read(f));
    assertTrue(e.getMessage().contains("checkedBy: unknown check 'no-such-check'"), e.getMessage());
  }

  @Test
  void everyRegisteredModelClaimNamesAKnownCheck() {
    List<Claim> claims = ClaimRegistry.read(Path.of("spec/claims.json"));
    for (Claim c : claims) {
      if (!c.modelClaim()) {
        assertEquals(c.property().name(), c.propertyText());
        continue;
      }
      assertTrue(org.mechcheck.plugin.Registry.standard().find(org.mechcheck.claims.ClaimCheck.class, c.checkedBy()).isPresent(), c.id());
      assertNull(c.networkClass(), c.id());
    }
  }
}
