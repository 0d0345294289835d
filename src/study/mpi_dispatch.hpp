#pragma once
/// The work queue of rank 0 and the MPI protocol between ranks (private to study).
///
/// A worker rank sends rank 0 a request (tag 1): empty the first time, then "INDEX\tOUTCOME" of the sample it
/// finished; rank 0 answers (tag 2) with the next sample's index, or -1 when there is none left.

#include <cstddef>
#include <mutex>
#include <optional>
#include <vector>

#include "kardashev/study/runner.hpp"

namespace kardashev::study::detail {

/// The samples left to hand out, shared by rank 0's threads and its MPI dispatcher.
class shared_queue {
public:
    explicit shared_queue(const std::vector<std::size_t>& todo) : m_todo(todo) {}
    /// The next sample to run, or nullopt when all are handed out.
    std::optional<std::size_t> take() {
        std::lock_guard lock(m_mutex);
        if (m_next == m_todo.size()) return std::nullopt;
        return m_todo[m_next++];
    }
    /// Hands out nothing more (after a failure).
    void drain() {
        std::lock_guard lock(m_mutex);
        m_next = m_todo.size();
    }
    /// Passes a finished sample to `receive`, one at a time.
    void finish(std::size_t index, const sample_outcome& outcome, const sample_receiver& receive) {
        std::lock_guard lock(m_receive_mutex);
        receive(index, outcome);
    }

private:
    std::mutex m_mutex;
    std::mutex m_receive_mutex;
    const std::vector<std::size_t>& m_todo;
    std::size_t m_next = 0;
};

/// MPI_Init_thread (funneled); sets rank and size. False when the build has no MPI.
bool mpi_start(int& rank, int& size);
/// MPI_Abort on every rank with `code`.
void mpi_abort(int code);
/// MPI_Finalize.
void mpi_stop();
/// Rank 0: hands out samples from `queue` to ranks 1..size-1 until none is left and every rank has been told.
void mpi_dispatch(shared_queue& queue, int size, const sample_receiver& receive);
/// A worker rank: asks for samples and evaluates them until told to stop.
void mpi_work(const sample_evaluator& evaluate);

}  // namespace kardashev::study::detail
