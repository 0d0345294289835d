// Trimming and quoting (include/kardashev/core/text.hpp), the one copy every reader uses.
#include "kardashev/core/text.hpp"

#include <gtest/gtest.h>

namespace kardashev {
namespace {

TEST(text, trim_drops_ascii_white_space_at_both_ends_only) {
    EXPECT_EQ(trim("  650 km \t"), "650 km");
    EXPECT_EQ(trim("\r\n\v\f x y \r\n"), "x y");
    EXPECT_EQ(trim(" \t "), "");
    EXPECT_EQ(trim(""), "");
    static_assert(trim(" a ") == "a");
}

TEST(text, quoted_wraps_text_in_double_quotes) {
    EXPECT_EQ(quoted("3 kg"), "\"3 kg\"");
    EXPECT_EQ(quoted(""), "\"\"");
}

}  // namespace
}  // namespace kardashev
