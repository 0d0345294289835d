#pragma once
// A part of the built-in accelerator catalogue (data/catalog/accelerators.yaml) by name, for tests that check a model
// against published figures of that part.

#include <stdexcept>
#include <string>
#include <string_view>

#include "kardashev/compute/accelerator.hpp"
#include "kardashev/io/scenario_io.hpp"

namespace kardashev::testing {

/// The catalogue's entry `name`; throws std::runtime_error when the catalogue has none.
inline const compute::accelerator& catalogue_part(std::string_view name) {
    for (const auto& a : io::builtin_accelerators())
        if (a.name == name) return a;
    throw std::runtime_error("no catalogue part " + std::string(name));
}

}  // namespace kardashev::testing
