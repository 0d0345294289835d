#include "yaml_tree.hpp"

#include "kardashev/core/text.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <sstream>
#include <utility>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

namespace kardashev::io::detail {

namespace {

// NOTE: aliases are expanded by copying, so a small document can describe a huge tree; the cap
// keeps a hostile file from exhausting memory.
constexpr std::size_t max_nodes = 1'000'000;

// Thrown from inside the event handler; yaml-cpp lets it through.
struct tree_error {
    source_pos pos;
    std::string message;
};

std::size_t subtree_size(const yaml_node& n) {
    std::size_t size = 1;
    for (const auto& item : n.items) size += subtree_size(item);
    for (const auto& e : n.entries) size += 1 + subtree_size(e.value);
    return size;
}

class tree_builder : public YAML::EventHandler {
public:
    explicit tree_builder(const position_map& where) : m_where(where) {}

    source_pos to_pos(const YAML::Mark& mark) const {
        if (mark.is_null() || mark.line < 0) return {m_where.origin, m_where.origin == 0 ? 0 : m_where.origin, 0};
        if (m_where.origin == 0) return {0, mark.line + 1, mark.column + 1};
        return {m_where.origin, m_where.origin, m_where.first_column + (mark.line == 0 ? mark.column : 0)};
    }

    void OnDocumentStart(const YAML::Mark& mark) override { m_document_start = to_pos(mark); }
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        yaml_node n;
        n.pos = to_pos(mark);
        finish(std::move(n), anchor);
    }

    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        auto it = m_anchors.find(anchor);
        if (it == m_anchors.end()) throw tree_error{to_pos(mark), "alias to a node that is not complete yet"};
        m_count += subtree_size(it->second);
        if (m_count > max_nodes) throw tree_error{to_pos(mark), "document too large (more than 1000000 nodes)"};
        yaml_node copy = it->second;
        copy.pos = to_pos(mark);
        finish(std::move(copy), YAML::NullAnchor);
    }

    void OnScalar(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                  const std::string& value) override {
        yaml_node n;
        n.kind = node_kind::scalar;
        n.text = value;
        n.pos = to_pos(mark);
        finish(std::move(n), anchor);
    }

    void OnSequenceStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value /*style*/) override {
        open(node_kind::sequence, mark, anchor);
    }
    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value /*style*/) override {
        open(node_kind::mapping, mark, anchor);
    }
    void OnMapEnd() override { close(); }

    [[nodiscard]] bool has_root() const { return m_root.has_value(); }
    yaml_node take_root() { return std::move(*m_root); }
    [[nodiscard]] source_pos document_start() const { return m_document_start; }

private:
    struct frame {
        yaml_node node;
        YAML::anchor_t anchor = YAML::NullAnchor;
        std::optional<yaml_node> key;  // a mapping's key waiting for its value
    };

    void open(node_kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
        frame f;
        f.node.kind = kind;
        f.node.pos = to_pos(mark);
        f.anchor = anchor;
        m_stack.push_back(std::move(f));
    }

    void close() {
        frame f = std::move(m_stack.back());
        m_stack.pop_back();
        finish(std::move(f.node), f.anchor);
    }

    void finish(yaml_node n, YAML::anchor_t anchor) {
        if (++m_count > max_nodes) throw tree_error{n.pos, "document too large (more than 1000000 nodes)"};
        if (anchor != YAML::NullAnchor) m_anchors[anchor] = n;
        if (m_stack.empty()) {
            m_root = std::move(n);
            return;
        }
        frame& top = m_stack.back();
        if (top.node.kind == node_kind::sequence) {
            top.node.items.push_back(std::move(n));
            return;
        }
        if (!top.key) {
            top.key = std::move(n);
            return;
        }
        yaml_entry e;
        e.key_is_scalar = top.key->kind == node_kind::scalar;
        e.key = e.key_is_scalar ? top.key->text : std::string();
        e.key_pos = top.key->pos;
        e.value = std::move(n);
        if (e.value.kind == node_kind::null) e.value.pos = e.key_pos;
        top.node.entries.push_back(std::move(e));
        top.key.reset();
    }

    position_map m_where;
    std::vector<frame> m_stack;
    std::optional<yaml_node> m_root;
    std::map<YAML::anchor_t, yaml_node> m_anchors;
    std::size_t m_count = 0;
    source_pos m_document_start;
};

/// The position of byte `offset` of `text` under `where`: lines counted by LF, columns in characters.
source_pos position_of(std::string_view text, std::size_t offset, const position_map& where) {
    const std::size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
    const std::size_t first = line_start == std::string_view::npos || offset == 0 ? 0 : line_start + 1;
    int column = 1;
    for (std::size_t i = first; i < offset; ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
    if (where.origin != 0) return {where.origin, where.origin, where.first_column + (first == 0 ? column - 1 : 0)};
    const auto lines_before = std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(first), '\n');
    return {0, static_cast<int>(lines_before) + 1, column};
}

}  // namespace

const yaml_node* yaml_node::find(std::string_view key) const {
    if (kind != node_kind::mapping) return nullptr;
    for (const auto& e : entries) {
        if (e.key_is_scalar && e.key == key) return &e.value;
    }
    return nullptr;
}

yaml_node* yaml_node::find(std::string_view key) {
    return const_cast<yaml_node*>(std::as_const(*this).find(key));
}

std::optional<yaml_node> parse_yaml(std::string_view text, const position_map& where, yaml_syntax_error& error) {
    // NOTE: a lone CR (old Mac line ends) ends a line as in YAML 1.2 (spec 5.4); yaml-cpp reads it as text, which
    // makes a whole file one comment. One character for one keeps lines and columns.
    std::string lines(text);
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (lines[i] == '\r' && (i + 1 == lines.size() || lines[i + 1] != '\n')) lines[i] = '\n';
    // NOTE: YAML 1.2 (spec 5.2) reads Unicode text only; yaml-cpp passes bad bytes through in some scalars and
    // replaces them with U+FFFD in others, so a scenario would not read back as itself. Refused here, located.
    if (const std::size_t bad = first_invalid_utf8(lines); bad != std::string_view::npos) {
        error = {position_of(lines, bad, where),
                 fmt::format("expected UTF-8 text (YAML 1.2, RFC 3629), got the byte 0x{:02X}",
                             static_cast<unsigned>(static_cast<unsigned char>(lines[bad])))};
        return std::nullopt;
    }
    std::istringstream in{std::move(lines)};
    tree_builder builder(where);
    try {
        YAML::Parser parser(in);
        parser.HandleNextDocument(builder);
        tree_builder second(where);
        if (parser.HandleNextDocument(second)) {
            error = {second.document_start(), "expected one YAML document, found a second one"};
            return std::nullopt;
        }
    } catch (const YAML::Exception& e) {
        error = {builder.to_pos(e.mark), e.msg};
        return std::nullopt;
    } catch (const tree_error& e) {
        error = {e.pos, e.message};
        return std::nullopt;
    }
    if (!builder.has_root()) {
        yaml_node empty;
        empty.pos = where.origin == 0 ? source_pos{0, 1, 1} : source_pos{where.origin, where.origin, where.first_column};
        return empty;
    }
    return builder.take_root();
}

std::string describe_found(const yaml_node& node) {
    switch (node.kind) {
    case node_kind::null: return "an empty value";
    case node_kind::scalar: return "\"" + node.text + "\"";
    case node_kind::sequence: return "a sequence";
    case node_kind::mapping: return "a mapping";
    }
    return "an empty value";
}

}  // namespace kardashev::io::detail
