package org.mechcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TableTest {
  @Test
  void columnsAlignAndAnEmptyColumnIsAllowed() {
    // a bench without a baseline has an empty column and an empty header: width 0
    String t = new Table("a", "", "ccc").row("xx", "", "y").toString();
    assertEquals("a     ccc\n--    ---\nxx    y\n", t);
  }
}
