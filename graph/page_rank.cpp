// PageRank, eight vertices side by side (see page_rank.h).
#include "graph/page_rank.h"

#include <algorithm>
#include <barrier>
#include <cstdint>
#include <numeric>
#include <thread>
#include <utility>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define KGX_PAGE_RANK_AVX2 1
#endif

namespace kgx {

namespace {

constexpr std::size_t kLanes = 8;  // vertices summed side by side

// Adds, lane by lane, the shares of a group's interleaved neighbours [at, end) (the k-th of lane
// j at 8k + j) to zero, and stores the eight sums.
void SumLanesScalar(const std::uint32_t* at, const std::uint32_t* end, const double* share, double* sums) {
  double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
  for (; at != end; at += kLanes) {
    s0 += share[at[0]];
    s1 += share[at[1]];
    s2 += share[at[2]];
    s3 += share[at[3]];
    s4 += share[at[4]];
    s5 += share[at[5]];
    s6 += share[at[6]];
    s7 += share[at[7]];
  }
  sums[0] = s0, sums[1] = s1, sums[2] = s2, sums[3] = s3;
  sums[4] = s4, sums[5] = s5, sums[6] = s6, sums[7] = s7;
}

#ifdef KGX_PAGE_RANK_AVX2
// The same with two gathers of four shares and two vector additions a step: a vector addition
// adds each lane as the scalar one does, so the sums are the same bits.
__attribute__((target("avx2"))) void SumLanesAvx2(const std::uint32_t* at, const std::uint32_t* end,
                                                  const double* share, double* sums) {
  // The masked form, every lane on, with zeros as its source: the plain one reads an undefined
  // register, which gcc warns of.
  const __m256d zero = _mm256_setzero_pd();
  const __m256d all = _mm256_castsi256_pd(_mm256_set1_epi64x(-1));
  __m256d low = zero, high = zero;
  // Two steps of eight a loop (fewer loop instructions), then the last one if the count is odd;
  // the additions of each lane stay in order. (A lambda would not inherit the AVX2 target.)
  const std::uint32_t* const pairs_end = at + (end - at) / (2 * kLanes) * (2 * kLanes);
  for (; at != pairs_end; at += 2 * kLanes) {
    const __m256i first = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(at));
    const __m256i second = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(at + kLanes));
    low = _mm256_add_pd(low, _mm256_mask_i32gather_pd(zero, share, _mm256_castsi256_si128(first), all, 8));
    high = _mm256_add_pd(high, _mm256_mask_i32gather_pd(zero, share, _mm256_extracti128_si256(first, 1), all, 8));
    low = _mm256_add_pd(low, _mm256_mask_i32gather_pd(zero, share, _mm256_castsi256_si128(second), all, 8));
    high = _mm256_add_pd(high, _mm256_mask_i32gather_pd(zero, share, _mm256_extracti128_si256(second, 1), all, 8));
  }
  if (at != end) {
    const __m256i last = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(at));
    low = _mm256_add_pd(low, _mm256_mask_i32gather_pd(zero, share, _mm256_castsi256_si128(last), all, 8));
    high = _mm256_add_pd(high, _mm256_mask_i32gather_pd(zero, share, _mm256_extracti128_si256(last, 1), all, 8));
  }
  _mm256_storeu_pd(sums, low);
  _mm256_storeu_pd(sums + 4, high);
}
#endif

using SumLanes = void (*)(const std::uint32_t*, const std::uint32_t*, const double*, double*);

SumLanes ChooseSums(PageRankSums sums) {
#ifdef KGX_PAGE_RANK_AVX2
  if (sums != PageRankSums::kScalar && PageRankHasAvx2()) return SumLanesAvx2;
#endif
  (void)sums;
  return SumLanesScalar;
}

}  // namespace

bool PageRankHasAvx2() {
#ifdef KGX_PAGE_RANK_AVX2
  static const bool has = __builtin_cpu_supports("avx2");
  return has;
#else
  return false;
#endif
}

// An iteration reads only the shares of the one before (share = rank / degree, stored as each
// rank is), so with `threads` >= 2 two threads each take half the work, meeting once an
// iteration: every vertex still sums the same numbers in the same order on whichever thread.
std::vector<double> PageRank(const NeighbourLists& g, std::size_t threads, PageRankSums sums) {
  constexpr double kDamping = 0.85;
  constexpr int kIterations = 50;
  const SumLanes sum_lanes = ChooseSums(sums);
  const std::size_t n = g.vertices();
  std::vector<std::uint32_t> by_degree(n);
  std::iota(by_degree.begin(), by_degree.end(), std::uint32_t{0});
  std::stable_sort(by_degree.begin(), by_degree.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return g.degree(a) < g.degree(b); });
  // Group q's eight vertices are by_degree[8q .. 8q + 7]; the neighbours all eight have (as many
  // as the first, the smallest, has) are interleaved[begin[q] .. begin[q + 1]), the k-th of lane j
  // at 8k + j, so that one pointer walks the eight rows. The rest of each row is added after.
  const std::size_t groups = n / kLanes;
  std::vector<std::size_t> begin(groups + 1, 0);
  for (std::size_t q = 0; q < groups; ++q) begin[q + 1] = begin[q] + kLanes * g.degree(by_degree[kLanes * q]);
  std::vector<std::uint32_t> interleaved(begin[groups]);
  for (std::size_t q = 0; q < groups; ++q) {
    const std::size_t shared = (begin[q + 1] - begin[q]) / kLanes;
    for (std::size_t lane = 0; lane < kLanes; ++lane) {
      const std::uint32_t* row = g.column.data() + g.start[by_degree[kLanes * q + lane]];
      for (std::size_t k = 0; k < shared; ++k) interleaved[begin[q] + kLanes * k + lane] = row[k];
    }
  }
  std::vector<double> rank(n, 1.0 / static_cast<double>(n));
  std::vector<double> shares(2 * n);  // this iteration's shares, then the next one's, swapping
  for (std::size_t u = 0; u < n; ++u) shares[u] = rank[u] / static_cast<double>(g.degree(u));

  // One iteration over groups [first, last) and, when `tail`, the vertices after the groups.
  const auto step = [&](std::size_t first, std::size_t last, bool tail, const double* share, double* next_share) {
    // Adds the shares of v's neighbours from the k-th on to `sum` and stores v's next rank.
    const auto finish = [&](std::uint32_t v, std::size_t k, double sum) {
      for (std::size_t i = g.start[v] + k; i < g.start[v + 1]; ++i) sum += share[g.column[i]];
      const double next = (1.0 - kDamping) + kDamping * sum;
      rank[v] = next;
      next_share[v] = next / static_cast<double>(g.degree(v));
    };
    double lane_sums[kLanes];
    for (std::size_t q = first; q < last; ++q) {
      sum_lanes(interleaved.data() + begin[q], interleaved.data() + begin[q + 1], share, lane_sums);
      const std::size_t shared = (begin[q + 1] - begin[q]) / kLanes;
      for (std::size_t lane = 0; lane < kLanes; ++lane) finish(by_degree[kLanes * q + lane], shared, lane_sums[lane]);
    }
    if (tail) {
      for (std::size_t i = kLanes * groups; i < n; ++i) finish(by_degree[i], 0, 0.0);
    }
  };
  // Runs iterations over groups [first, last) (and the tail), meeting `meet` after each.
  const auto iterate = [&](std::size_t first, std::size_t last, bool tail, auto&& meet) {
    double* share = shares.data();
    double* next_share = shares.data() + n;
    for (int iteration = 0; iteration < kIterations; ++iteration) {
      step(first, last, tail, share, next_share);
      meet();
      std::swap(share, next_share);
    }
  };

  // Two threads only when an iteration is long enough to outweigh a meeting (tens of µs).
  constexpr std::size_t kParallelNeighbours = 1 << 16;
  if (threads < 2 || begin[groups] < kParallelNeighbours) {
    iterate(0, groups, true, [] {});
    return rank;
  }
  // The first thread takes the groups up to about half the neighbour entries (and of the
  // per-vertex work); the second the rest and the tail.
  const auto work = [&](std::size_t q) { return begin[q] + 4 * kLanes * q; };
  std::size_t cut = 0;
  while (cut < groups && 2 * work(cut) < work(groups)) ++cut;
  std::barrier meeting(2);
  std::thread helper([&] { iterate(cut, groups, true, [&] { meeting.arrive_and_wait(); }); });
  iterate(0, cut, false, [&] { meeting.arrive_and_wait(); });
  helper.join();
  return rank;
}

}  // namespace kgx
