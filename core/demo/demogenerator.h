// SPDX-License-Identifier: MIT
#pragma once

#include "demodataset.h"
#include "demorandom.h"

namespace lettascope::demo {

/// Builds the whole dataset from a config. Same config (anchor included) → identical dataset.
DemoDataset generateDataset(const DemoConfig &config);

namespace detail {
/// Tools, agents with their blocks and initial messages, identities, groups, folders, archives, jobs.
void generateResources(DemoDataset &data, DemoRandom &rng);
/// Re-sorts steps by start and messages by time (runs overlap), remapping every index, so that
/// index order is creation order as the sequence-based cursors require.
void sortByCreation(DemoDataset &data);
} // namespace detail

} // namespace lettascope::demo
