#pragma once
/// Runs a sweep's samples in parallel: threads on one machine, and Open MPI ranks across machines when the
/// program was started by mpirun or srun (docs/sweep.md "On a cluster").

#include <cstddef>
#include <functional>
#include <vector>

#include "kardashev/study/sweep.hpp"

namespace kardashev::study {

/// The processes of this sweep: one, or the ranks of MPI_COMM_WORLD.
class process_group {
public:
    /// Joins MPI when the environment says an MPI launcher started this process (OMPI_COMM_WORLD_SIZE,
    /// PMIX_RANK or PMI_RANK set) and the build has Open MPI; otherwise a group of one.
    static process_group& world();
    /// This process's rank (0 is the one that writes).
    [[nodiscard]] int rank() const noexcept { return m_rank; }
    /// The number of processes.
    [[nodiscard]] int size() const noexcept { return m_size; }
    /// Ends every rank with `code` (MPI_Abort); without MPI, exits.
    [[noreturn]] void abort(int code);
    ~process_group();
    process_group(const process_group&) = delete;
    process_group& operator=(const process_group&) = delete;

private:
    process_group();
    int m_rank = 0;
    int m_size = 1;
    bool m_mpi = false;
};

/// Evaluates sample `index`; must not throw (a failure is an outcome with ok false).
using sample_evaluator = std::function<sample_outcome(std::size_t index)>;
/// Receives each finished sample on rank 0, one at a time, in the order they finish.
using sample_receiver = std::function<void(std::size_t index, const sample_outcome& outcome)>;

/// Runs the samples `todo` on `threads` threads of this process and, under MPI, on every other rank (each
/// rank asks rank 0 for one sample at a time: dynamic load balancing). Rank 0 passes every outcome to
/// `receive`; the other ranks call nothing and return when rank 0 has no more samples. Every rank must call it.
void run_samples(const std::vector<std::size_t>& todo, const sample_evaluator& evaluate, std::size_t threads,
                 const sample_receiver& receive);

/// Runs the samples `todo` on `threads` threads of this process only, never joining MPI (the Python module);
/// `receive` as for run_samples.
void run_samples_here(const std::vector<std::size_t>& todo, const sample_evaluator& evaluate, std::size_t threads,
                      const sample_receiver& receive);

}  // namespace kardashev::study
