public class Broken implements org.mechcheck.mechanism.Mechanism {
  public String name() { return 1; }
}
