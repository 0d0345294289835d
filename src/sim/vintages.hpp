#pragma once
/// A site's accelerators as vintages (private to sim): each purchase is a vintage of one part with its own
/// FLOP/s, power, price and end of life; the build-out retires vintages past their life and the oldest first when
/// the plan falls (docs/models/sim.md "Build-out": vintages).

#include <cstddef>
#include <deque>
#include <optional>
#include <span>
#include <vector>

#include "kardashev/compute/accelerator.hpp"
#include "kardashev/compute/accelerator_timeline.hpp"
#include "kardashev/core/time.hpp"
#include "kardashev/sim/scenario.hpp"

namespace kardashev::sim::detail {

/// Accelerators of one part bought at one step and still in service.
struct vintage {
    std::size_t part = 0;                     // index into site_vintages::parts
    double count = 0.0;                       // in service, in units of site_vintages::scale
    epoch bought;
    epoch retires;                            // bought + economy.accelerator_life
    double facility_w_per_accelerator = 0.0;  // [W] the part's all-in power x the site's PUE
    double it_w_per_accelerator = 0.0;        // [W] the part's all-in power
    double peak_flops_per_accelerator = 0.0;  // [FLOP/s] the part's dense BF16
};

/// A part a site has bought.
struct part_record {
    compute::accelerator part;
    double bought = 0.0;  // accelerators bought over the run, the installed base at the start included
    // Sums over the part's vintages in service, each count taken at 0 or more, kept with site_vintages' own:
    double count = 0.0;
    double it_w = 0.0;  // [W] all-in power
    std::size_t vintages = 0;  // the part's vintages in service (its sums are 0 exactly at none)
};

/// A site's vintages in service, oldest first, the parts it has bought and their sums.
struct site_vintages {
    std::deque<vintage> in_service;
    // Failures without repair thin every vintage alike (docs/models/sim.md "Build-out": vintages), so the share left
    // is kept once: a vintage's count in service is its `count` x `scale`. A pass that walks the vintages anyway folds
    // the scale into their counts and sets it back to 1.
    double scale = 1.0;
    std::vector<part_record> parts;   // in order of first purchase; parts[0] is the site's accelerator
    std::size_t buying = 0;           // the part the last purchase bought
    double retired = 0.0;             // accelerators retired over the run (end of life and a falling plan)
    double retired_at_end_of_life = 0.0;
    // Sums over in_service, kept by each change: a purchase adds its terms, failures scale them, an end of life
    // subtracts the retired vintages' terms, and any other change (and every `max_kept_changes` of those) recomputes
    // them as the plain sums, oldest first; 0 exactly when no vintage is in service.
    std::size_t kept_changes = 0;     // scalings and subtractions since the sums were last recomputed
    double count = 0.0;
    double facility_w = 0.0;  // [W]
    double it_w = 0.0;        // [W] all-in power
    double peak_flops = 0.0;  // [FLOP/s] dense BF16
};

/// The part on offer (compute::part_on_offer) kept with its key (compute::part_offer_key): a new part appears at most
/// once a year, so it is made once, not at every step and site.
class part_offer_cache {
public:
    /// compute::part_on_offer(catalogue, when, trend); the catalogue and trend must be the same at every call.
    const compute::accelerator& at(std::span<const compute::accelerator> catalogue, epoch when,
                                   const compute::hardware_trend& trend);

private:
    std::optional<compute::offer_key> m_key;
    compute::accelerator m_part;
};

/// The part site `where` buys at `at`: compute::part_on_offer over input.catalogue (`trend` past its end, through
/// `offers`) for purchase: newest with a catalogue, else the site's accelerator. Its index in `stock.parts`, added
/// when new.
std::size_t offered_part(const scenario& input, const site& where, epoch at, const compute::hardware_trend& trend,
                         part_offer_cache& offers, site_vintages& stock);

/// Facility watts per accelerator of part `part` at site `where`.
[[nodiscard]] double facility_w_per_accelerator(const site& where, const compute::accelerator& part);

/// Adds `count` accelerators of part `part` bought `at`, retiring after `life`.
void add_vintage(site_vintages& stock, const site& where, std::size_t part, double count, epoch at, duration life);

/// Retires the vintages whose life has ended by `at` (a run at the front: all share one life); returns how many
/// accelerators. Visits only the vintages it retires.
double retire_expired(site_vintages& stock, epoch at);

/// Retires `count` accelerators, the oldest first.
void retire_oldest(site_vintages& stock, double count);

/// Retires the oldest until the facility power in use is at most `cap_w`.
void retire_to_power(site_vintages& stock, double cap_w);

/// What fail_then_retire did.
struct failed_and_retired {
    double failed_freed_w = 0.0;            //!< [W] facility power the failures freed
    double count_after_failures = 0.0;      //!< accelerators in service after the failures, before the retirements
    double facility_w_after_failures = 0.0; //!< [W] facility power in use then
    double retired = 0.0;                   //!< accelerators retired at the end of their life
};

/// Keeps the share `surviving` of every vintage (failures without repair: the stock's scale and sums scaled), then
/// retires those whose life has ended by `at` (retire_expired). Visits only the vintages it retires.
failed_and_retired fail_then_retire(site_vintages& stock, double surviving, epoch at);

/// Takes `count` accelerators out of service, the newest first, without retiring them (lost before service: a
/// failed launch); returns the facility watts they held.
double lose_newest(site_vintages& stock, double count);

/// The part of the newest vintage in service, or of the last purchase when none is.
[[nodiscard]] const compute::accelerator& newest_part(const site_vintages& stock);

}  // namespace kardashev::sim::detail
