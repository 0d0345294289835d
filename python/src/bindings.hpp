#pragma once
// The pieces of the `kardashev` Python module (kardashev._kardashev): one bind_* function per source file, and the
// helpers they share: typed input errors raised from the binding code, and a long call that Ctrl-C interrupts.

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

/// Runs `fn` on a worker thread without the GIL, checking for Ctrl-C (PyErr_CheckSignals) every 50 ms; returns
/// when `fn` does, rethrowing what it threw. On a signal it raises KeyboardInterrupt at once and lets the worker
/// finish alone (its result is dropped): `fn` must own, by value or shared_ptr, everything it reads.
void call_interruptibly(std::function<void()> fn);

/// Sets `value` from the keyword argument `key` of `kw` when the caller gave it; leaves the option's default otherwise.
template <class T>
void keyword(const py::dict& kw, const char* key, T& value) {
    if (kw.contains(key)) value = kw[key].template cast<T>();
}

}  // namespace kardashev::python
