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

    /// Reads every record into `out`.
    void read(detail::element_set_collector& out) {
        omm_record rec;  // one record's storage, reused: its strings keep their capacity
        skip_space();
        if (peek() == '{') {
            object(rec);  // a single object
            out.add(rec);
        } else {
            expect('[', "'[' or '{'");
            skip_space();
            if (peek() == ']') {
                ++m_pos;
            } else {
                for (;;) {
                    skip_space();
                    object(rec);
                    out.add(rec);
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

    /// A string into `out`: the runs between escapes are copied whole.
    void string_value(std::string& out) {
        expect('"', "a string");
        out.clear();
        for (;;) {
            const std::size_t end = m_text.find_first_of("\"\\", m_pos);
            const std::size_t stop = end == std::string_view::npos ? m_text.size() : end;
            out.append(m_text.substr(m_pos, stop - m_pos));
            m_pos = stop;
            if (m_pos >= m_text.size() || m_text[m_pos] == '"') {
                break;
            }
            ++m_pos;  // the backslash
            if (m_pos >= m_text.size()) {
                fail("an escaped character");
            }
            const char e = m_text[m_pos++];
            if (e == 'u') {
                fail("no \\u escapes in OMM text");
            }
            out += e == 'n' ? '\n' : (e == 't' ? '\t' : e);
        }
        expect('"', "a closing '\"'");
    }

    /// A value that is not a string into `out`: a number, true, false or null (null reads as empty text).
    void bare_value(std::string& out) {
        const std::size_t start = m_pos;
        while (m_pos < m_text.size() && std::string_view(",}] \n\r\t").find(m_text[m_pos]) == std::string_view::npos) {
            ++m_pos;
        }
        out.assign(m_text.substr(start, m_pos - start));
        if (out.empty()) {
            fail("a value");
        }
        if (out == "null") {
            out.clear();
        }
    }

    /// One flat object into `rec`, reusing the storage of its fields.
    void object(omm_record& rec) {
        std::size_t n = 0;  // fields read
        where(rec.line, rec.column);
        expect('{', "'{'");
        skip_space();
        if (peek() == '}') {
            ++m_pos;
            rec.fields.clear();
            return;
        }
        for (;;) {
            if (n == rec.fields.size()) {
                rec.fields.emplace_back();
            }
            auto& [key, v] = rec.fields[n++];
            skip_space();
            string_value(key);
            skip_space();
            expect(':', "':'");
            skip_space();
            where(v.line, v.column);
            if (peek() == '"') {
                string_value(v.text);
            } else {
                bare_value(v.text);
            }
            skip_space();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            expect('}', "',' or '}'");
            rec.fields.resize(n);
            return;
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
    detail::element_set_collector sets(file);
    json_reader reader(text, file);
    reader.read(sets);
    return sets.finish();
}

}  // namespace kardashev::orbit
