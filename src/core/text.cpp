#include "kardashev/core/text.hpp"

namespace kardashev {

std::string quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

std::size_t first_invalid_utf8(std::string_view text) noexcept {
    // RFC 3629, section 4 (UTF8-octets): the second byte's range depends on the first (E0: A0-BF, ED: 80-9F,
    // F0: 90-BF, F4: 80-8F, which excludes overlong forms, surrogates and code points above U+10FFFF); every other
    // trailing byte is 80-BF. The offset returned is where the ill-formed sequence starts.
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    std::size_t i = 0;
    while (i < text.size()) {
        const unsigned char b = byte(i);
        if (b < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        unsigned char low = 0x80;
        unsigned char high = 0xBF;
        if (b >= 0xC2 && b <= 0xDF) length = 2;
        else if (b >= 0xE0 && b <= 0xEF) {
            length = 3;
            if (b == 0xE0) low = 0xA0;
            if (b == 0xED) high = 0x9F;
        } else if (b >= 0xF0 && b <= 0xF4) {
            length = 4;
            if (b == 0xF0) low = 0x90;
            if (b == 0xF4) high = 0x8F;
        } else {
            return i;
        }
        for (std::size_t k = 1; k < length; ++k) {
            if (i + k >= text.size()) return i;
            const unsigned char c = byte(i + k);
            if (c < (k == 1 ? low : 0x80) || c > (k == 1 ? high : 0xBF)) return i;
        }
        i += length;
    }
    return std::string_view::npos;
}

}  // namespace kardashev
