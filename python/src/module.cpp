// kardashev._kardashev: the compiled part of the `kardashev` Python package (docs/python.md), and its errors.

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include <pybind11/pybind11.h>

#include "bindings.hpp"
#include "kardashev/core/error.hpp"

namespace kardashev::python {

namespace {

// The exception types, created once when the module loads (they live as long as the interpreter).
PyObject* error_type = nullptr;
PyObject* input_error_type = nullptr;
PyObject* domain_error_type = nullptr;

PyObject* new_type(const char* name, const char* doc, PyObject* bases) {
    PyObject* t = PyErr_NewExceptionWithDoc(name, doc, bases, nullptr);
    if (t == nullptr) throw py::error_already_set();
    return t;
}

py::object optional_int(int v) { return v > 0 ? py::object(py::int_(v)) : py::object(py::none()); }
py::object optional_str(const std::string& v) { return v.empty() ? py::object(py::none()) : py::object(py::str(v)); }

/// Raises `type(message)` with the attributes file, line, column, key_path and diagnostics set.
void raise(PyObject* type, const std::string& message, const diagnostic& where, const py::list& diagnostics) {
    py::object exc = py::reinterpret_borrow<py::object>(type)(message);
    exc.attr("file") = optional_str(where.file);
    exc.attr("line") = optional_int(where.line);
    exc.attr("column") = optional_int(where.column);
    exc.attr("key_path") = optional_str(where.key_path);
    exc.attr("diagnostics") = diagnostics;
    PyErr_SetObject(type, exc.ptr());
}

py::dict diagnostic_dict(const diagnostic& d) {
    py::dict out;
    out["file"] = optional_str(d.file);
    out["line"] = optional_int(d.line);
    out["column"] = optional_int(d.column);
    out["key_path"] = optional_str(d.key_path);
    out["message"] = d.message;
    return out;
}

/// The leading `file:line:col: ` of a compiler-style message (the TLE and OMM readers write one), when there is one.
diagnostic location_of(const std::string& message) {
    diagnostic d;
    const auto c1 = message.find(':');
    if (c1 == std::string::npos || c1 == 0) return d;
    const auto c2 = message.find(':', c1 + 1);
    const auto c3 = c2 == std::string::npos ? c2 : message.find(':', c2 + 1);
    if (c3 == std::string::npos) return d;
    const std::string line = message.substr(c1 + 1, c2 - c1 - 1);
    const std::string column = message.substr(c2 + 1, c3 - c2 - 1);
    const auto digits = [](const std::string& s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos; };
    if (!digits(line) || !digits(column)) return d;
    d.file = message.substr(0, c1);
    d.line = std::stoi(line);
    d.column = std::stoi(column);
    return d;
}

void translate(std::exception_ptr p) {
    try {
        if (p) std::rethrow_exception(p);
    } catch (const scenario_error& e) {
        py::list all;
        for (const auto& d : e.diagnostics()) all.append(diagnostic_dict(d));
        raise(input_error_type, e.what(), e.diagnostics().empty() ? diagnostic{} : e.diagnostics().front(), all);
    } catch (const argument_error& e) {
        diagnostic d;
        d.key_path = e.key_path();
        raise(input_error_type, e.what(), d, py::list());
    } catch (const input_error& e) {
        raise(input_error_type, e.what(), location_of(e.what()), py::list());
    } catch (const domain_error& e) {
        raise(domain_error_type, e.what(), diagnostic{}, py::list());
    } catch (const error& e) {
        raise(error_type, e.what(), diagnostic{}, py::list());
    }
}

}  // namespace

void bind_errors(py::module_& m) {
    error_type = new_type("kardashev.Error", "Base of every error kardashev raises.", PyExc_RuntimeError);
    py::tuple input_bases = py::make_tuple(py::handle(error_type), py::handle(PyExc_ValueError));
    input_error_type = new_type("kardashev.InputError",
                                "Bad input: a scenario key, a unit, a file, an array of the wrong shape. Attributes: "
                                "file, line, column (1-based), key_path (e.g. 'sites[0].pue'; each None when unknown) "
                                "and diagnostics (every error found, as dicts with those keys and 'message').",
                                input_bases.ptr());
    domain_error_type = new_type("kardashev.DomainError",
                                 "A model asked to work outside the range it is validated for.", error_type);
    m.attr("Error") = py::handle(error_type);
    m.attr("InputError") = py::handle(input_error_type);
    m.attr("DomainError") = py::handle(domain_error_type);
    py::register_exception_translator(&translate);
}

void call_interruptibly(std::function<void()> fn) {
    struct shared_state {
        std::mutex mutex;
        std::condition_variable done_cv;
        bool done = false;
        std::exception_ptr failure;
    };
    auto state = std::make_shared<shared_state>();
    std::thread worker([state, fn = std::move(fn)] {
        std::exception_ptr failure;
        try {
            fn();
        } catch (...) {
            failure = std::current_exception();
        }
        const std::lock_guard lock(state->mutex);
        state->failure = failure;
        state->done = true;
        state->done_cv.notify_all();
    });
    for (;;) {
        bool done = false;
        {
            py::gil_scoped_release release;
            std::unique_lock lock(state->mutex);
            done = state->done_cv.wait_for(lock, std::chrono::milliseconds(50), [&] { return state->done; });
        }
        if (done) break;
        if (PyErr_CheckSignals() != 0) {
            worker.detach();  // NOTE: the worker owns what it reads (see the header); its result is dropped.
            throw py::error_already_set();
        }
    }
    worker.join();
    if (state->failure) std::rethrow_exception(state->failure);
}

}  // namespace kardashev::python

PYBIND11_MODULE(_kardashev, m) {
    m.doc() = "The compiled part of the kardashev package; use `import kardashev` (docs/python.md).";
    m.attr("__version__") = KD_VERSION;
    kardashev::python::bind_errors(m);
    kardashev::python::bind_scenario(m);
    kardashev::python::bind_propagate(m);
    kardashev::python::bind_commands(m);
    kardashev::python::bind_studies(m);
}
