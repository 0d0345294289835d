#pragma once
// The pieces of the `kardashev` Python module (kardashev._kardashev): one bind_* function per source file, and the
// helpers they share: typed input errors raised from the binding code, and a long call that Ctrl-C interrupts.

#include <array>
#include <signal.h>
#include <exception>
#include <functional>
#include <memory>
#include <string>

#include <pybind11/pybind11.h>

#include "kardashev/core/error.hpp"

namespace kardashev::python {

namespace py = pybind11;

/// Bad input found by the binding code itself (an array of the wrong shape or type), with the argument it is in.
class argument_error : public input_error {
public:
    /// `key_path` names the argument ("times", "out[0]"); `message` says what was expected and what came.
    argument_error(std::string key_path, const std::string& message)
        : input_error(key_path + ": " + message), m_key_path(std::move(key_path)) {}
    /// The argument the error is in.
    [[nodiscard]] const std::string& key_path() const noexcept { return m_key_path; }

private:
    std::string m_key_path;
};

/// Registers kardashev.Error, InputError and DomainError and the translator from the core error types.
void bind_errors(py::module_& m);
/// Registers Scenario, Run and run().
void bind_scenario(py::module_& m);
/// Registers Elements, load_elements() and propagate().
void bind_propagate(py::module_& m);
/// Registers size(), train() and eclipse().
void bind_commands(py::module_& m);
/// Registers network() and sweep().
void bind_studies(py::module_& m);

/// Keeps the process's SIGINT, SIGTERM and SIGHUP actions over a folder write: io::write_folder installs its own
/// (they remove a half-written folder), which would otherwise replace Python's KeyboardInterrupt for good.
class signal_actions_kept {
public:
    signal_actions_kept() {
        for (std::size_t i = 0; i < m_signals.size(); ++i) ::sigaction(m_signals[i], nullptr, &m_saved[i]);
    }
    ~signal_actions_kept() {
        for (std::size_t i = 0; i < m_signals.size(); ++i) ::sigaction(m_signals[i], &m_saved[i], nullptr);
    }
    signal_actions_kept(const signal_actions_kept&) = delete;
    signal_actions_kept& operator=(const signal_actions_kept&) = delete;

private:
    std::array<int, 3> m_signals{SIGINT, SIGTERM, SIGHUP};
    std::array<struct sigaction, 3> m_saved{};
};

/// Runs `fn` on a worker thread without the GIL, checking for Ctrl-C (PyErr_CheckSignals) every 50 ms; returns
/// when `fn` does, rethrowing what it threw. On a signal it raises KeyboardInterrupt at once and lets the worker
/// finish alone (its result is dropped): `fn` must own, by value or shared_ptr, everything it reads.
void call_interruptibly(std::function<void()> fn);

}  // namespace kardashev::python
