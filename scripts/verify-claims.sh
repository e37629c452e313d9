#!/usr/bin/env bash
# Runs the bounded search of every registered claim and saves the evidence (proof records under
# proofs/, counterexamples under counterexamples/). Long: this is where proof records come from,
# not part of the test suite. Every search is unbounded (values and costs at least 0), IC ranges over
# the others' every report (DSIC), and SMTInterpol re-decides every UNSAT answer (--certify; set
# CERTIFY= to search with Z3 alone). Usage: scripts/verify-claims.sh [seconds-per-claim] [claim-id-filter]
# (a filter matches every claim id containing it; =ID matches that claim only)
set -euo pipefail
cd "$(dirname "$0")/.."
limit="${1:-240}"
filter="${2:-}"
certify="${CERTIFY---certify}"
skip() { # whether the filter leaves this claim out
  if [[ "$filter" == =* ]]; then [[ "$1" != "${filter#=}" ]]; else [[ -n "$filter" && "$1" != *"$filter"* ]]; fi
}
run() { # claim mechanism property class max-agents [benchmark] [units]
  local claim="$1" mech="$2" prop="$3" cls="$4" max="$5" bench="${6:-}" units="${7:-}"
  skip "$claim" && return 0
  echo "== $claim"
  ${MECHCHECK_CMD:-./mechcheck} search --mechanism "$mech" --property "$prop" --class "$cls" --max-agents "$max" \
    ${bench:+--benchmark "$bench"} ${units:+--units "$units"} --claim "$claim" --time-limit "$limit" $certify --save 2>&1 | grep -v '^searching' || true
}
run vcg/bb/general       vcg     BB     cs-general 6
run idm-tc/ic/general    idm-tc  IC     cs-general 6
run idm-tc/eff/tree      idm-tc  EFF    cs-tree    10
run idm-tc/ir/tree       idm-tc  IR     cs-tree    10
run idm-tc/ic/tree       idm-tc  IC     cs-tree    8
run idm-tc/bb/tree       idm-tc  BB     cs-tree    10
run idm-tc/rev/tree      idm-tc  REV    cs-tree    10 vickrey
run csm/eff/general      csm     EFF    cs-general 6
run csm/bb/general       csm     BB     cs-general 6
run csm/rev-wd1/general  csm     REV    cs-general 6 w-d1star
run csm/rev/general      csm     REV    cs-general 6 vickrey
run csm/lemma1/general   csm     LEMMA1 cs-general 6
run csm/ir/general       csm     IR     cs-general 6
run csm/ic/general       csm     IC     cs-general 6
run csm-min/bb/general   csm-min BB     cs-general 6
run csm-min/ir/general   csm-min IR     cs-general 6
run csm-min/ic/general   csm-min IC     cs-general 6
run vcg/eff/general      vcg     EFF    cs-general 6
run vcg/ir/general       vcg     IR     cs-general 6
run vcg/ic/general       vcg     IC     cs-general 6
run idm/bb/social        idm     BB     social     6
run idm/rev/social       idm     REV    social     6 vickrey
run idm/ir/social        idm     IR     social     6
run idm/ic/social        idm     IC     social     6
run gidm/ic/social           gidm    IC     social      5 "" 2
run gidm/ic/social-tree      gidm    IC     social-tree 7 "" 2
run gidm/eff/social          gidm    EFF    social      5 "" 2
run gidm/ir/social           gidm    IR     social      5 "" 2
run gidm/bb/social           gidm    BB     social      5 "" 2
run gidm/nw/social           gidm    NW     social      5 "" 2
run gidm/rev/social          gidm    REV    social      5 k-vickrey 2
run gidm/ir/social-tree      gidm    IR     social-tree 7 "" 2
run gidm/bb/social-tree      gidm    BB     social-tree 7 "" 2
run gidm/nw/social-tree      gidm    NW     social-tree 8 "" 2
run gidm/ic/social-tree-k1   gidm    IC     social-tree 7 "" 1
run gidm/ic/social-tree-k3   gidm    IC     social-tree 7 "" 3
run gidm/ir/social-tree-k3   gidm    IR     social-tree 7 "" 3
run gidm/bb/social-tree-k3   gidm    BB     social-tree 7 "" 3
run vcg-k/ir/social          vcg-k   IR     social      5 "" 2
run vcg-k/ic/social          vcg-k   IC     social      5 "" 2
run vcg-k/eff/social         vcg-k   EFF    social      5 "" 2
# 001: the sequential resale auction (spec/sra.md)
run sra-central/ir/social     sra-central IR  social 4
run sra-central/ic/social     sra-central IC  social 4
run sra-central/rev/social    sra-central REV social 4 vickrey
run sra-central/eq-sra/social sra-central EQ  social 3 sra
run sra/ir/social             sra         IR  social 4
run sra/ic/social             sra         IC  social 4
run sra/rev/social            sra         REV social 4 vickrey
deviations() { # claim family max-agents
  skip "$1" && return 0
  echo "== $1"
  ${MECHCHECK_CMD:-./mechcheck} search --mechanism sra --property IC --deviations "$2" --class social --max-agents "$3" --time-limit "$limit" --certify --save 2>&1 || true
}
deviations sra/ic-passing/social     passing     5
deviations sra/ic-choice/social      choice      5
deviations sra/ic-computation/social computation 5
