package org.mechcheck.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.mechcheck.network.Market;

/** A network read from a file, with its optional {@code expected} block (outcomes a source states). */
public record NetworkFile(Path path, Market market, JsonNode expected) {}
