#pragma once
// The one error model. Every layer converts the exceptions of the libraries it
// wraps (libgit2 codes, pqxx, CLI11, nlohmann) into migmerge::Error at its edge;
// only cli/app.cpp prints it. Exit codes are docs/DESIGN.md's contract.
#include <stdexcept>
#include <string>

namespace migmerge {

enum class ExitCode : int {
    ok = 0,         // success, nothing wrong
    problems = 1,   // error-level findings, or a migration failed
    bad_input = 2,  // bad usage or bad input: unknown ref, malformed config or ledger
    resource = 3,   // repository unreadable, database unreachable, lock timeout, node missing
    // 128 + N: stopped by signal N after cleaning up (SIGINT 130, SIGTERM 143),
    // what a shell reports for a process that signal killed.
    signal_base = 128,
};

class Error : public std::runtime_error {
  public:
    // `what` names the operation ("cannot resolve ref 'foo'"), `cause` says why.
    Error(ExitCode code, std::string what, std::string cause = {}, std::string hint = {});

    ExitCode code() const { return code_; }
    const std::string& context() const { return context_; }
    const std::string& cause() const { return cause_; }
    const std::string& hint() const { return hint_; }

    // "migmerge: error: <what>: <cause>" without the prefix; one line.
    std::string one_line() const;

  private:
    ExitCode code_;
    std::string context_;
    std::string cause_;
    std::string hint_;
};

// Shorthands so call sites read as the kind of failure they report.
Error bad_input(std::string what, std::string cause = {}, std::string hint = {});
Error resource_failure(std::string what, std::string cause = {}, std::string hint = {});
// Exit code 128 + signal_number.
Error stopped_by_signal(int signal_number, std::string what, std::string cause = {});

}  // namespace migmerge
