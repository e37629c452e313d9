package org.mechcheck.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mechcheck.claims.DeviationFamilies;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.network.NetworkClass;
import org.mechcheck.num.Rationals;
import org.mechcheck.property.Benchmark;
import org.mechcheck.property.Others;
import org.mechcheck.property.Property;
import org.mechcheck.search.Search;
import org.mechcheck.smt.SecondSolver;
import org.mechcheck.store.AtomicFiles;
import org.mechcheck.store.InputException;
import org.mechcheck.store.ProofRecord;
import org.mechcheck.workbench.Workbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Re-runs the search a proof record was made by, with SMTInterpol re-deciding every UNSAT answer
 * Z3 gives, and stamps the record with both solvers when the re-run verifies the same bound with
 * every answer agreed. A disagreement, an answer the second solver cannot give, or a re-run that
 * stops short leaves the record as it is and says why.
 */
@Command(name = "certify", mixinStandardHelpOptions = true,
    description = "Re-decide every UNSAT answer a proof record rests on with a second solver (SMTInterpol) and stamp the record with both solvers.")
final class CertifyCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RECORD", arity = "1..*", description = "proof records (proofs/*.json)") List<Path> records;
  @Option(names = "--time-limit", description = "seconds per record (default: none); a record not re-verified in time stays uncertified") double timeLimit;
  @Option(names = "--z3-timeout", defaultValue = "30000", description = "milliseconds per query, for each solver") int z3Timeout;
  @Option(names = "--threads", defaultValue = "2", description = "worker threads (default 2)") int threads;
  @Mixin WorkbenchOptions workbench;

  @Override
  public Integer call() {
    if (timeLimit < 0) throw new InputException("--time-limit must be at least 0");
    if (threads < 1) throw new InputException("--threads must be at least 1");
    for (Path f : records) if (!Files.isRegularFile(f)) throw new InputException(f + ": no such file");
    int failed = 0;
    for (Path f : records) if (!certify(f)) failed++;
    if (records.size() > 1) System.out.println((records.size() - failed) + " of " + records.size() + " records certified");
    return failed == 0 ? 0 : Errors.VIOLATION;
  }

  /** What a certified re-run of a record's search gave: a refutation (null: none), the sizes verified, and its counts. */
  private record Rerun(String refutation, int bound, List<ProofRecord.Level> levels, org.mechcheck.smt.Stats stats, double seconds, boolean timedOut,
      List<String> unknown) {}

  private boolean certify(Path file) {
    ProofRecord r = ProofRecord.read(file);
    if (r.certified()) {
      System.out.println(file + ": already certified (" + String.join(", ", r.solvers().stream().map(ProofRecord.SolverCount::solver).toList()) + ")");
      return true;
    }
    var registry = workbench.registry();
    Mechanism mech = registry.find(Mechanism.class, r.mechanism()).orElseThrow(() -> new InputException(file + ": mechanism: '" + r.mechanism()
        + "' is not known here" + (workbench.researcher() ? "" : " (a mechanism of yours needs --mechanism-file)")));
    var stale = org.mechcheck.claims.ClaimEvaluator.stale(r.source(), registry.origin(mech));
    if (stale.isPresent()) {
      System.out.println(file + ": not certified: the record " + stale.get());
      return false;
    }
    NetworkClass nc = NetworkClass.parse(r.networkClass()).orElseThrow(() -> new InputException(file + ": class: unknown class '" + r.networkClass() + "'"));
    BigFraction box = r.bounded() ? Rationals.parse(r.box()) : null;
    String command = r.command().replaceFirst(" --max-agents \\d+$", "");
    ProofRecord.Subject subject;
    Rerun again;
    if (r.deviations() != null) {
      DeviationFamilies families = registry.find(DeviationFamilies.class, r.mechanism()).orElse(null);
      if (families == null || !families.certifies()) {
        System.out.println(file + ": not certified: " + r.mechanism() + "'s search of protocol deviations (" + r.deviations() + ") has no second solver");
        return false;
      }
      DeviationFamilies.Result d = families.search(r.deviations(), nc, r.maxAgents(), box, z3Timeout, timeLimit, threads, true, Search.SILENT);
      again = new Rerun(d.finding() == null ? null : d.finding().describe(), d.bound(), d.levels(), d.stats(), d.seconds(), d.timedOut(), d.unknown());
      if (!command.contains("--certify")) command += " --certify";
      subject = new ProofRecord.Subject(r.claim(), r.mechanism(), r.property(), r.benchmark(), r.networkClass(), r.box(), r.units(), r.deviations(), r.utility(),
          r.source() == null ? Workbench.source(registry, mech) : r.source(), command);
    } else {
      Property prop = Inputs.property(registry, r.property());
      Benchmark bench = Inputs.benchmark(registry, r.benchmark());
      Others others = Others.stated(r.quantifier());
      Search.Result s = new Search(mech, prop, bench, nc, box, z3Timeout, threads, r.units()).others(others).certify(true)
          .run(r.maxAgents(), timeLimit, Search.SILENT);
      again = new Rerun(s.refuted() ? s.violation().detail() : null, s.bound(), s.levels(), s.stats(), s.seconds(), s.timedOut(), s.unknown());
      // records made before the defaults changed name neither their box nor their quantifier in the command
      if (r.bounded() && !command.contains("--box")) command += " --box " + r.box();
      String quantifier = prop.equals(Property.IC) ? others.label() : null;
      if (others == Others.TRUTHFUL && prop.equals(Property.IC) && !command.contains("--others")) command += " --others truthful";
      if (!command.contains("--certify")) command += " --certify";
      subject = new ProofRecord.Subject(r.claim(), r.mechanism(), r.property(), r.benchmark(), r.networkClass(), r.box(), r.units(),
          null, null, r.source() == null ? Workbench.source(registry, mech) : r.source(), command, quantifier);
    }
    if (again.refutation() != null) {
      System.out.println(file + ": NOT CERTIFIED: the re-run finds a counterexample: " + again.refutation());
      return false;
    }
    if (again.stats().disagreements > 0 || again.bound() < r.maxAgents()) {
      System.out.println(file + ": not certified: the re-run verified n<=" + again.bound() + " of the record's n<=" + r.maxAgents()
          + (again.stats().disagreements > 0 ? "; " + again.stats().disagreements + " SOLVER DISAGREEMENTS" : "")
          + (again.timedOut() ? " (time limit reached)" : "") + (again.unknown().isEmpty() ? "" : "; " + again.unknown().get(0)));
      return false;
    }
    for (int k = 0; k < r.maxAgents() && k < r.levels().size(); k++) {
      if (r.levels().get(k).networks() != again.levels().get(k).networks()) {
        System.out.println(file + ": not certified: the re-run searched " + again.levels().get(k).networks() + " networks with " + (k + 1)
            + " agents, the record " + r.levels().get(k).networks());
        return false;
      }
    }
    ProofRecord stamped = ProofRecord.verified(subject, again.levels().subList(0, r.maxAgents()), again.stats().paths, again.seconds(),
        again.stats().solverNanos / 1e9, SecondSolver.NAME);
    AtomicFiles.replace(file, stamped.text());
    System.out.printf("%s: certified: %d UNSAT answers, Z3 and %s agree (%.1f s, of which %.1f s in the second solver)%n", file, stamped.queries(),
        SecondSolver.NAME, again.seconds(), again.stats().secondNanos / 1e9);
    return true;
  }
}
