import Foundation

/// Starts a program with a clean signal state (empty mask, default handlers):
/// the test runner's threads block signals, and programs it starts (tmux's
/// panes, sshd) must not inherit that. Standard input is /dev/null; standard
/// output goes to `stdout` (appended or truncated) and standard error to
/// `stderr`, or to the same file when `stderr` is nil.
enum CleanSpawn {
    /// The new process id, or nil when the program could not be started.
    /// `argv[0]` is looked up in `PATH` when `searchPath` is true.
    static func start(
        _ argv: [String], environment: [String], stdout: String, append: Bool,
        stderr: String?, searchPath: Bool
    ) -> pid_t? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC), 0o600)
        if let stderr {
            posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY, 0)
        } else {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none); sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = environment.map { strdup($0) } + [nil]
        defer { (cArgs + cEnv).forEach { free($0) } }
        var pid: pid_t = 0
        let rc =
            searchPath
            ? posix_spawnp(&pid, argv[0], &actions, &attributes, cArgs, cEnv)
            : posix_spawn(&pid, argv[0], &actions, &attributes, cArgs, cEnv)
        return rc == 0 ? pid : nil
    }
}
