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

TEST(text, first_invalid_utf8_accepts_rfc_3629_and_points_at_the_first_ill_formed_sequence) {
    constexpr auto npos = std::string_view::npos;
    EXPECT_EQ(first_invalid_utf8(""), npos);
    EXPECT_EQ(first_invalid_utf8("plain ASCII: 3 kg"), npos);
    EXPECT_EQ(first_invalid_utf8("\xC2\xB0 \xE2\x82\xAC \xF0\x9F\x9A\x80 \xF4\x8F\xBF\xBF"), npos);  // U+00B0 U+20AC U+1F680 U+10FFFF
    EXPECT_EQ(first_invalid_utf8("ab\xF7\xF7"), 2u);        // F7 starts nothing (RFC 3629 lead bytes end at F4)
    EXPECT_EQ(first_invalid_utf8("a\xC0\xAF"), 1u);         // overlong '/'
    EXPECT_EQ(first_invalid_utf8("a\xE0\x80\xAF"), 1u);     // overlong three-byte form
    EXPECT_EQ(first_invalid_utf8("x\xED\xA0\x80"), 1u);     // surrogate U+D800
    EXPECT_EQ(first_invalid_utf8("\xF4\x90\x80\x80"), 0u);  // above U+10FFFF
    EXPECT_EQ(first_invalid_utf8("ok \xE2\x82"), 3u);        // cut short at the end
    EXPECT_EQ(first_invalid_utf8("\xC3" "A"), 0u);               // a lead byte followed by ASCII
    EXPECT_EQ(first_invalid_utf8("\xBF"), 0u);                // a continuation byte alone
}

}  // namespace
}  // namespace kardashev
