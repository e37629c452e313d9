package org.mechcheck.datatrade;

/**
 * Which prices a seller considers (Algorithm 2, line 2). {@link #GRID} is the paper's: player i+1's
 * nonnegative thresholds at every grid value. {@link #SUPPORT} only those at the values player i+1
 * can have given the seller's valuation (q_{i+1,k,l} > 0). With a positive own share the two give
 * the same equilibrium (a price between the buyer's possible thresholds is beaten by the next one
 * up); with t_{i+1,i} = 0 the seller is indifferent within each set of accepting buyers and the
 * tie-break may land on the threshold of a grid value she cannot meet, which on a truncated grid
 * depends on where the grid ends. Under SUPPORT a jump chain's equilibrium at reachable states is
 * that of the untruncated homogeneous model.
 */
public enum Candidates {
  GRID,
  SUPPORT
}
