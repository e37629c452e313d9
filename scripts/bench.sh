#!/usr/bin/env bash
# The speed figures of the README, measured on this machine. Wall-clock times include JVM start.
set -euo pipefail
cd "$(dirname "$0")/.."
./mechcheck mechanisms > /dev/null   # build first
t() { local s e; s=$(date +%s.%N); "$@" > /dev/null 2>&1 || true; e=$(date +%s.%N); printf '%.2f' "$(echo "$e - $s" | bc)"; }
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "check csm, 12-agent general network, every deviation: $(t ./mechcheck check --mechanism csm --network bench/csm-12.json) s"
dir=$(mktemp -d); rmdir "$dir"
./mechcheck enumerate --class cs-general --agents 5 --limit 500 --out "$dir" 2> /dev/null
echo "run csm over a folder of 500 networks: $(t ./mechcheck run --mechanism csm --network "$dir" --json) s"
rm -rf "$dir"
echo "IDM-TC IC counterexample from scratch (cs-general): $(t ./mechcheck search --mechanism idm-tc --property IC --class cs-general --max-agents 6) s"
for p in IR IC BB; do
  for n in 4 5; do
    echo "csm $p on every cs-general network up to $n agents: $(t ./mechcheck search --mechanism csm --property $p --class cs-general --max-agents $n --time-limit 600) s"
  done
done
# multi-unit (002): GIDM and VCG-k on a 60-agent social network with 10 units (bench/make-social.py 60 10 1)
echo "run gidm, 60-agent social network, 10 units: $(t ./mechcheck run --mechanism gidm --network bench/social-60.json) s"
echo "run vcg-k, 60-agent social network, 10 units: $(t ./mechcheck run --mechanism vcg-k --network bench/social-60.json) s"
echo "GIDM IC counterexample from scratch (social-tree, 2 units): $(t ./mechcheck search --mechanism gidm --property IC --class social-tree --units 2 --max-agents 7) s"
echo "VCG-k IC on every social tree up to 7 agents, 2 units: $(t ./mechcheck search --mechanism vcg-k --property IC --class social-tree --units 2 --max-agents 7 --time-limit 900) s"
echo "experiment sra, 10^4 instances on the 9-node network: $(t ./mechcheck experiment sra --samples 10000 --seed 1 --out "$(mktemp -d)") s"
echo "$(java -cp target/mechcheck-cli.jar org.mechcheck.sra.Bench 1000 1)"
# data trading (004): exact equilibria at n = 5, OPT, and the fast algorithm at n = 20 beside Algorithms 1-3
java -cp target/mechcheck-cli.jar org.mechcheck.datatrade.Bench true
# group sale (003): the slides' example, and five members with mixed distributions (the command prints the time of
# the weights, shares and revenue apart from its checks)
echo "group, U(0,2) and U(0,3): $(./mechcheck group --member 'U(0,2)' --member 'U(0,3)' | tail -1), $(t ./mechcheck group --member 'U(0,2)' --member 'U(0,3)') s wall"
echo "group, five mixed members: $(./mechcheck group --member 'U(0,2)' --member 'Exp(1)' --member 'Beta(2,3)' --member 'TN(1,0.5,0,3)' --member 'D(0:1/4,1:1/2,2:1/4)' | tail -1)"
