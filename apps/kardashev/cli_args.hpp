#pragma once
// Option values of the orbit commands: quantities, times and local times, with the option named in errors
// (io/option_values.hpp, shared with the Python module).

#include "kardashev/io/option_values.hpp"

namespace kardashev::apps {

using io::local_time_option;
using io::quantity_option;
using io::time_option;

}  // namespace kardashev::apps
