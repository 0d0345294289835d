#include "kardashev/sim/recorder.hpp"

namespace kardashev::sim {

std::uint32_t recorder::add_channel(std::string_view entity, std::string_view metric, std::string_view unit) {
    for (std::size_t i = 0; i < m_channels.size(); ++i) {
        const auto& c = m_channels[i];
        if (c.entity == entity && c.metric == metric) return static_cast<std::uint32_t>(i);
    }
    m_channels.push_back({std::string(entity), std::string(metric), std::string(unit)});
    return static_cast<std::uint32_t>(m_channels.size() - 1);
}

}  // namespace kardashev::sim
