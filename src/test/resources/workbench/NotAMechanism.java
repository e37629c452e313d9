public class NotAMechanism {
}
