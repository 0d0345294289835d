// OMM JSON: the JSON subset CelesTrak's OMM files use, read in one pass with the line and column of every value.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kardashev/orbit/tle.hpp"
#include "omm_record.hpp"

namespace kardashev::orbit {

namespace {

using detail::omm_record;
using detail::omm_value;

/// A reader of the JSON subset OMM files use: an array of flat objects of strings, numbers, booleans, nulls.
class json_reader {
public:
    json_reader(std::string_view text, std::string_view file) : m_text(text), m_file(file) {}

    std::vector<omm_record> records() {
        std::vector<omm_record> out;
        skip_space();
        if (peek() == '{') {
            out.push_back(object());  // a single object
        } else {
            expect('[', "'[' or '{'");
            skip_space();
            if (peek() == ']') {
                ++m_pos;
            } else {
                for (;;) {
                    skip_space();
                    out.push_back(object());
                    skip_space();
                    if (peek() == ',') {
                        ++m_pos;
                        continue;
                    }
                    expect(']', "',' or ']'");
                    break;
                }
            }
        }
        skip_space();
        if (m_pos != m_text.size()) {
            fail("end of the text");
        }
        return out;
    }

private:
    char peek() const { return m_pos < m_text.size() ? m_text[m_pos] : '\0'; }

    /// Line and column of the current position. m_pos only moves forward, so the count goes on from where the
    /// last call left it: each character is counted once, and the whole read stays linear in the text.
    void where(int& line, int& column) {
        for (; m_counted < m_pos && m_counted < m_text.size(); ++m_counted) {
            if (m_text[m_counted] == '\n') {
                ++m_line;
                m_column = 1;
            } else {
                ++m_column;
            }
        }
        line = m_line;
        column = m_column;
    }

    [[noreturn]] void fail(std::string_view expected) {
        int line = 0;
        int column = 0;
        where(line, column);
        const std::string got = m_pos < m_text.size() ? std::string(1, m_text[m_pos]) : std::string("end of text");
        detail::omm_fail(m_file, line, column, "JSON: expected " + std::string(expected) + ", got '" + got + "'");
    }

    void skip_space() {
        while (m_pos < m_text.size() &&
               (m_text[m_pos] == ' ' || m_text[m_pos] == '\n' || m_text[m_pos] == '\r' || m_text[m_pos] == '\t')) {
            ++m_pos;
        }
    }

    void expect(char c, std::string_view what) {
        if (peek() != c) {
            fail(what);
        }
        ++m_pos;
    }

    std::string string_value() {
        expect('"', "a string");
        std::string out;
        while (m_pos < m_text.size() && m_text[m_pos] != '"') {
            char c = m_text[m_pos++];
            if (c == '\\') {
                if (m_pos >= m_text.size()) {
                    fail("an escaped character");
                }
                const char e = m_text[m_pos++];
                c = e == 'n' ? '\n' : (e == 't' ? '\t' : e);
                if (e == 'u') {
                    fail("no \\u escapes in OMM text");
                }
            }
            out += c;
        }
        expect('"', "a closing '\"'");
        return out;
    }

    /// A value that is not a string: a number, true, false or null (null reads as empty text).
    std::string bare_value() {
        const std::size_t start = m_pos;
        while (m_pos < m_text.size() && std::string_view(",}] \n\r\t").find(m_text[m_pos]) == std::string_view::npos) {
            ++m_pos;
        }
        std::string text(m_text.substr(start, m_pos - start));
        if (text.empty()) {
            fail("a value");
        }
        if (text == "null") {
            text.clear();
        }
        return text;
    }

    omm_record object() {
        omm_record rec;
        where(rec.line, rec.column);
        expect('{', "'{'");
        skip_space();
        if (peek() == '}') {
            ++m_pos;
            return rec;
        }
        for (;;) {
            skip_space();
            std::string key = string_value();
            skip_space();
            expect(':', "':'");
            skip_space();
            omm_value v;
            where(v.line, v.column);
            v.text = peek() == '"' ? string_value() : bare_value();
            rec.fields.emplace_back(std::move(key), std::move(v));
            skip_space();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            expect('}', "',' or '}'");
            return rec;
        }
    }

    std::string_view m_text;
    std::string_view m_file;
    std::size_t m_pos = 0;
    std::size_t m_counted = 0;  // where() has counted the characters before this one
    int m_line = 1;             // line of m_counted
    int m_column = 1;           // column of m_counted
};

}  // namespace

std::vector<element_set> parse_omm_json(std::string_view text, std::string_view file) {
    json_reader reader(text, file);
    return detail::element_sets_of(reader.records(), file);
}

}  // namespace kardashev::orbit
