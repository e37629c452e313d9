package org.mechcheck.property;

import org.apache.commons.numbers.fraction.BigFraction;

/**
 * A concrete failure of a property on one network, with exact numbers. {@code agent} is -1 for
 * market-level properties (BB, EFF, REV); {@code truthful} and {@code deviating} are the agent's
 * utilities for IR and IC, and (revenue or welfare, benchmark) for the others.
 */
public record Violation(Property property, int agent, Deviation deviation, BigFraction truthful, BigFraction deviating, String detail) {}
