// SPDX-License-Identifier: MIT
#pragma once

#include "model/entities.h"

namespace lettascope::store {

class Statement;

// Column lists and decoders shared by the queries, so every query selects an entity the same way.
// Each decoder reads its columns starting at `first` and returns the column after the last it read.

extern const char *const kRunColumns;     ///< 15 columns, table alias r
extern const char *const kStepColumns;    ///< 27 columns, table alias s
extern const char *const kMessageColumns; ///< 18 columns, table alias m
extern const char *const kAgentColumns;   ///< 19 columns, table alias a
extern const char *const kJobColumns;     ///< 11 columns, table alias j

int decodeRun(const Statement &s, int first, Run &run);
int decodeStep(const Statement &s, int first, Step &step);
int decodeMessage(const Statement &s, int first, Message &message);
int decodeAgent(const Statement &s, int first, Agent &agent);
int decodeJob(const Statement &s, int first, Job &job);

} // namespace lettascope::store
