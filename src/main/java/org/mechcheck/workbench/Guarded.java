package org.mechcheck.workbench;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mechcheck.mechanism.Mechanism;
import org.mechcheck.mechanism.Outcome;
import org.mechcheck.network.Market;
import org.mechcheck.network.NetworkClass;
import org.mechcheck.network.Profile;
import org.mechcheck.num.Arith;
import org.mechcheck.plugin.PluginException;

/**
 * A researcher's mechanism as the commands see it: itself, except that anything it throws
 * becomes one line naming its file, the method and the exception with where it was thrown (a
 * {@link PluginException}, exit status 2), never a stack trace.
 */
final class Guarded implements Mechanism {
  private final Mechanism inner;
  private final String file;

  Guarded(Mechanism inner, String file) {
    this.inner = inner;
    this.file = file;
  }

  /** The mechanism as its author wrote it. */
  Mechanism inner() {
    return inner;
  }

  private PluginException failure(String method, Throwable t) {
    return new PluginException(file + ": " + inner.getClass().getSimpleName() + "." + method + " threw " + describe(t));
  }

  /** {@code ArithmeticException: / by zero (PayYourBid.java:42)}: the exception and the first frame in the researcher's code. */
  static String describe(Throwable t) {
    String where = "";
    for (StackTraceElement e : t.getStackTrace()) {
      if (e.getFileName() != null && !e.getClassName().startsWith("java.") && !e.getClassName().startsWith("jdk.")) {
        where = " (" + e.getFileName() + ":" + e.getLineNumber() + ")";
        break;
      }
    }
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage()) + where;
  }

  private <T> T guard(String method, java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (PluginException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError | ExceptionInInitializerError | NoClassDefFoundError e) {
      if (e instanceof org.mechcheck.num.Cancelled) throw e;
      throw failure(method, e);
    }
  }

  @Override
  public String name() {
    return guard("name", inner::name);
  }

  @Override
  public String description() {
    return guard("description", inner::description);
  }

  @Override
  public String source() {
    return guard("source", inner::source);
  }

  @Override
  public String domain() {
    return guard("domain", inner::domain);
  }

  @Override
  public Optional<String> refusal(Market market) {
    Optional<String> r = guard("refusal", () -> inner.refusal(market));
    if (r == null) throw new PluginException(file + ": " + inner.getClass().getSimpleName() + ".refusal returned null (return Optional.empty() to accept a market)");
    return r;
  }

  @Override
  public <N> Outcome<N> run(Profile<N> profile, Arith<N> arith) {
    Outcome<N> o = guard("run", () -> inner.run(profile, arith));
    if (o == null) throw new PluginException(file + ": " + inner.getClass().getSimpleName() + ".run returned null (return Outcome.noSale(...) when nothing is sold)");
    return o;
  }

  @Override
  public boolean multiUnit() {
    return guard("multiUnit", inner::multiUnit);
  }

  @Override
  public Set<NetworkClass> classes(int units) {
    return guard("classes", () -> inner.classes(units));
  }

  @Override
  public List<String> deviationFamilies() {
    return guard("deviationFamilies", inner::deviationFamilies);
  }

  @Override
  public String implementation() {
    return inner.getClass().getName();
  }

  @Override
  public String toString() {
    return inner.toString();
  }
}
