// SPDX-License-Identifier: MIT
#include "demothemes.h"

#include <array>
#include <cstring>

namespace lettascope::demo {

namespace {

constexpr std::array<const char *, 10> kResearchSubjects{
    "retrieval-augmented generation", "sparse mixture-of-experts models", "protein structure prediction",
    "carbon capture membranes", "solid-state batteries", "LLM evaluation benchmarks", "quantum error correction",
    "small modular reactors", "microplastics in drinking water", "CRISPR base editing"};
constexpr std::array kResearchTasks{
    TaskSpec{"Find the three most cited papers from the last year on {subject} and summarise their main contributions.",
             "Here are the three most cited recent papers on {subject}:\n\n1. A large benchmark study showing consistent gains over prior baselines.\n2. A method paper that cuts cost by roughly {n}0% with a simple architectural change.\n3. A critical analysis of evaluation practice in the field.\n\nThe common thread is that data quality matters more than scale."},
    TaskSpec{"What is the current consensus on {subject}? I need a one-page brief for tomorrow's meeting.",
             "Brief on {subject}: the field broadly agrees on the core mechanism, disagrees on how fast it will scale, and lacks long-term field data. I've listed {n} key sources and the open questions at the end."},
    TaskSpec{"Compare the two leading approaches to {subject} and list the open problems.",
             "Both approaches to {subject} work in the lab. The first is cheaper and better understood; the second scales better but has reproducibility issues. Open problems: robustness, cost at scale, and standard benchmarks."},
    TaskSpec{"Collect sources on {subject} and save the key findings to your archival memory.",
             "Done. I saved {n} findings on {subject} to archival memory with citations, so I can draw on them in future conversations."},
    TaskSpec{"Fact-check this claim: '{subject} will be commercially viable within two years.'",
             "Mostly unsupported. The sources I found on {subject} point to pilot deployments, but none project broad commercial viability within two years."},
};
constexpr std::array<const char *, 6> kResearchTools{"web_search", "fetch_webpage", "archival_memory_search",
                                                     "archival_memory_insert", "wikipedia", "notion_search"};
constexpr std::array<const char *, 5> kResearchThoughts{
    "The user wants a literature overview on {subject}. I'll start with {tool} to find recent sources.",
    "Those results cover the basics of {subject}; I should call {tool} to get the primary source.",
    "I need to check whether I already saved notes on {subject}. Calling {tool}.",
    "Two sources disagree about {subject}. Let me use {tool} to find a third opinion.",
    "I'll record what I learned about {subject} with {tool} so it is not lost."};

constexpr std::array<const char *, 10> kCodeSubjects{
    "flaky integration test in the payments service", "null pointer crash in the CSV importer",
    "memory leak in the websocket gateway", "race condition in the job scheduler",
    "slow Postgres query on the orders table", "broken OAuth redirect after the upgrade",
    "TypeScript build failing on CI", "off-by-one error in pagination", "deadlock in the cache invalidation worker",
    "segfault in the image resizer"};
constexpr std::array kCodeTasks{
    TaskSpec{"Can you figure out what's causing the {subject}? The logs are in the repo under var/log.",
             "Root cause of the {subject}: a shared connection is reused after being returned to the pool. The fix is to scope the session per request; I verified it with the test suite ({num} passed)."},
    TaskSpec{"Investigate the {subject} and propose a fix.",
             "I traced the {subject} to handler_{n}.py, which returns None where callers expect a dict. Proposed fix: return an empty result and add a guard in the caller. Patch and test are ready."},
    TaskSpec{"Write a regression test for the {subject}.",
             "Added tests/test_{n}_regression.py reproducing the {subject}; it fails on the old code and passes with the fix."},
    TaskSpec{"Review the last commits and tell me which one introduced the {subject}.",
             "The {subject} first appears after commit {hex} (\"Refactor connection pool\"). Reverting that hunk makes the failing test pass."},
    TaskSpec{"Open a PR that fixes the {subject}.",
             "Opened a pull request that fixes the {subject}, with a regression test and a short explanation in the description."},
};
constexpr std::array<const char *, 7> kCodeTools{"grep_repo", "read_file", "run_tests", "git_log",
                                                 "run_code", "github_search_issues", "github_create_pull_request"};
constexpr std::array<const char *, 5> kCodeThoughts{
    "The user reports a {subject}. First I'll search the code with {tool} for the obvious suspects.",
    "The stack trace points at the service handler. Let me open it with {tool}.",
    "I have a hypothesis about the {subject}; running {tool} will confirm or refute it.",
    "Maybe someone already reported the {subject}. I'll check with {tool}.",
    "The fix looks right. I'll use {tool} to make sure nothing else broke."};

constexpr std::array<const char *, 10> kDataSubjects{
    "Q3 revenue by region", "weekly active users", "churn in the enterprise segment",
    "the conversion funnel for the new checkout", "support ticket volume", "inventory turnover",
    "marketing spend efficiency", "cohort retention for the March signups", "latency percentiles for the API",
    "the A/B test on the pricing page"};
constexpr std::array kDataTasks{
    TaskSpec{"Pull the numbers for {subject} and tell me what changed versus last quarter.",
             "For {subject}: EMEA grew {n}% quarter over quarter, NA was flat, and APAC declined slightly. The overall change is driven by two large accounts."},
    TaskSpec{"Make a chart of {subject} for the board deck.",
             "Here's the chart of {subject}. I used a bar chart by region with the quarter-over-quarter change annotated."},
    TaskSpec{"Is the drop in {subject} statistically significant?",
             "Not quite: for {subject} the difference is within the 95% confidence interval (p = 0.{n}1). I'd wait for another two weeks of data."},
    TaskSpec{"Break down {subject} by customer tier and highlight the outliers.",
             "Breaking {subject} down by tier: enterprise is stable, mid-market is up {n}%, and {n} self-serve accounts are extreme outliers worth a closer look."},
    TaskSpec{"Write a short analysis of {subject} with the SQL you used.",
             "Analysis of {subject} attached, with the SQL query and a caveat that last week's data is still being backfilled."},
};
constexpr std::array<const char *, 5> kDataTools{"run_sql_query", "describe_table", "plot_chart", "run_code",
                                                 "archival_memory_insert"};
constexpr std::array<const char *, 5> kDataThoughts{
    "To analyse {subject} I need the right table. I'll inspect the schema with {tool}.",
    "Now I can query {subject} directly with {tool}.",
    "The numbers for {subject} look odd; I'll recompute them with {tool} to be sure.",
    "A visual will help explain {subject}. Calling {tool}.",
    "I'll save the definition I used for {subject} with {tool} so future analyses match."};

constexpr std::array<const char *, 10> kSupportSubjects{
    "a double charge on order #{num}", "a missing delivery for order #{num}", "a refund for a damaged blender",
    "login issues after a password reset", "an invoice with the wrong VAT number",
    "a subscription that renewed unexpectedly", "a discount code that does not work",
    "changing the shipping address on order #{num}", "a warranty claim for headphones",
    "deleting my account under GDPR"};
constexpr std::array kSupportTasks{
    TaskSpec{"Hi, I need help with {subject}.",
             "Thanks for reaching out about {subject}. I've checked your account and sorted it out; you'll get a confirmation email shortly. Anything else I can help with?"},
    TaskSpec{"This is the third time I'm writing about {subject}. Please escalate.",
             "I'm sorry about the back and forth on {subject}. I've escalated it to our support team as a high-priority ticket and noted the full history so you won't have to repeat yourself."},
    TaskSpec{"Can you check the status of {subject}?",
             "I looked into {subject}: it's being processed and should be resolved within 2 business days. I'll keep an eye on it."},
    TaskSpec{"I was told someone would call me back about {subject} but nobody did.",
             "I apologise that nobody called back about {subject}. I've created a ticket with a callback request for tomorrow morning."},
    TaskSpec{"Quick question about {subject}.",
             "Good question about {subject}. According to our help center, this usually resolves itself within 24 hours; if not, reply here and I'll take care of it."},
};
constexpr std::array<const char *, 6> kSupportTools{"lookup_order", "issue_refund", "search_kb",
                                                    "create_support_ticket", "conversation_search",
                                                    "core_memory_append"};
constexpr std::array<const char *, 5> kSupportThoughts{
    "The customer needs help with {subject}. Let me look it up with {tool}.",
    "I should check whether we have a known fix for {subject} using {tool}.",
    "The customer has contacted us before; {tool} will show what was promised.",
    "This needs a human. I'll create a ticket about {subject} with {tool}.",
    "I'll remember the customer's preference with {tool}."};

constexpr std::array<const char *, 10> kScheduleSubjects{
    "the quarterly planning offsite", "a 1:1 with Priya next week", "the dentist appointment",
    "the product demo with Acme Corp", "the team retrospective", "a flight to Berlin on the 14th",
    "the interview loop for the backend role", "moving the weekly standup to Tuesdays",
    "the board meeting prep session", "a call with the design agency"};
constexpr std::array kScheduleTasks{
    TaskSpec{"Can you schedule {subject}? Mornings work best for me.",
             "Scheduled {subject} for {date} at 09:30, which is free for everyone. I've sent the invites."},
    TaskSpec{"Reschedule {subject} to later in the week.",
             "Moved {subject} to Thursday at 13:00 and notified the attendees."},
    TaskSpec{"Find a slot for {subject} that works for everyone on the invite.",
             "The first slot that works for everyone for {subject} is {date} 16:{n}0. Want me to book it?"},
    TaskSpec{"Remind me what I decided about {subject}.",
             "You decided to keep {subject} short (30 minutes) and to share the agenda a day in advance."},
    TaskSpec{"Cancel {subject} and send a polite note to the attendees.",
             "Cancelled {subject} and drafted a short note to the attendees explaining the change."},
};
constexpr std::array<const char *, 5> kScheduleTools{"check_availability", "create_calendar_event",
                                                     "send_email_draft", "memory_replace",
                                                     "conversation_search"};
constexpr std::array<const char *, 5> kScheduleThoughts{
    "The user wants to plan {subject}. I'll look for free time with {tool}.",
    "There's a free morning slot. I'll book {subject} with {tool}.",
    "I should let the attendees know about {subject}; {tool} can send the note.",
    "The user mentioned a preference about {subject} before. Let me check with {tool}.",
    "I'll update my notes about the user's schedule with {tool}."};

constexpr std::array<const char *, 10> kWritingSubjects{
    "the launch blog post for the new API", "a cover letter for a staff engineer role",
    "release notes for version 2.4", "a grant proposal summary", "a product description for the smart thermostat",
    "an apology email to affected customers", "the onboarding guide for new hires",
    "a conference talk abstract on observability", "a newsletter about the spring sale",
    "a LinkedIn post about the team's hackathon"};
constexpr std::array kWritingTasks{
    TaskSpec{"Draft {subject}. Keep it under 300 words.",
             "Here's a draft of {subject} ({num} words):\n\nWe built this because our users asked for it. It is faster, simpler, and it works with the tools you already use."},
    TaskSpec{"Edit {subject} for tone - it sounds too formal.",
             "I loosened the tone of {subject}: shorter sentences, fewer passive constructions, and a friendlier opening."},
    TaskSpec{"Give me three headline options for {subject}.",
             "Three headlines for {subject}:\n1. Built for the way you work\n2. Less setup, more shipping\n3. The missing piece, finally here"},
    TaskSpec{"Turn these bullet points into {subject}.", "Done. I turned the bullets into {subject} with a short intro and a clear call to action."},
    TaskSpec{"Proofread {subject} and fix any grammar issues.",
             "Proofread {subject}: fixed {n} grammar issues and one inconsistent product name."},
};
constexpr std::array<const char *, 5> kWritingTools{"web_search", "word_count", "style_check",
                                                    "archival_memory_search", "memory_insert"};
constexpr std::array<const char *, 5> kWritingThoughts{
    "The user wants {subject}. I'll check the house style with {tool} first.",
    "Let me measure the draft of {subject} with {tool}.",
    "I remember the user's preferred voice; {tool} will confirm it.",
    "I need a fact for {subject}. Calling {tool}.",
    "I'll note the user's feedback on {subject} with {tool}."};

constexpr std::array<const char *, 10> kOpsSubjects{
    "an elevated 5xx rate on the checkout API", "disk pressure on the ingest nodes",
    "a certificate expiring on the edge proxy", "high consumer lag on the events topic", "a failing nightly backup",
    "CPU throttling in the recommendations service", "DNS resolution failures in eu-west-1",
    "a memory spike after the last deploy", "pod crash loops in the billing namespace",
    "slow cold starts for the image service"};
constexpr std::array kOpsTasks{
    TaskSpec{"We're seeing {subject}. Can you investigate?",
             "Investigated {subject}: it started right after the {date} deploy. The error rate is back under 0.{n}% after the restart; I opened a follow-up issue for the root cause."},
    TaskSpec{"Page summary: {subject}. What's the likely root cause?",
             "Likely root cause of {subject}: connection pool exhaustion under the new traffic pattern. Logs show upstream reset errors starting at 02:{n}4 UTC."},
    TaskSpec{"Write a post-incident summary for {subject}.",
             "Post-incident summary for {subject}: impact {n}4 minutes, detected by alerting, mitigated by a rollback, with three follow-up actions."},
    TaskSpec{"Is {subject} still happening? Check the last hour of metrics.",
             "{subject} has subsided: p95 is back to normal and the error rate has been flat for the last 40 minutes."},
    TaskSpec{"Roll back whatever caused {subject}.",
             "Rolled back the deployment behind {subject}; the health checks pass and the metrics look normal again."},
};
constexpr std::array<const char *, 6> kOpsTools{"query_logs", "get_metrics", "restart_service", "deploy_service",
                                                "linear_create_issue", "run_code"};
constexpr std::array<const char *, 5> kOpsThoughts{
    "We have {subject}. I'll start with the error logs via {tool}.",
    "The logs suggest a resource problem. {tool} will show whether it correlates with traffic.",
    "Mitigation first: {tool} should bring the service back to a healthy state.",
    "I'll file a follow-up about {subject} with {tool} so the root cause gets fixed.",
    "Let me double-check the numbers for {subject} with {tool} before reporting."};

constexpr std::array<const char *, 10> kMemorySubjects{
    "the user's project preferences", "recent conversations about travel plans",
    "notes about the customer's tech stack", "the user's writing style", "open action items from last week",
    "the team's on-call rotation", "preferences for meeting times", "the product roadmap discussion",
    "the user's dietary restrictions", "feedback on previous answers"};
constexpr std::array kMemoryTasks{
    TaskSpec{"Reflect on {subject} and update the relevant memory blocks.",
             "Updated memory with a consolidated view of {subject}; removed {n} duplicated lines."},
    TaskSpec{"Consolidate what we know about {subject}.", "Consolidated {subject} into a single section of the human block."},
    TaskSpec{"Remove outdated information about {subject} from memory.", "Removed outdated notes about {subject}."},
    TaskSpec{"Summarise {subject} into the human block.", "Summarised {subject} into the human block in {n} bullet points."},
    TaskSpec{"Check memory for contradictions about {subject}.",
             "Found and resolved one contradiction about {subject}; the newer statement wins."},
};
constexpr std::array<const char *, 6> kMemoryTools{"memory_rethink", "memory_replace", "memory_insert",
                                                   "memory_finish_edits", "conversation_search",
                                                   "archival_memory_insert"};
constexpr std::array<const char *, 5> kMemoryThoughts{
    "Time to reorganise what I know about {subject}. I'll review recent messages with {tool}.",
    "There is redundant information about {subject}; {tool} can clean it up.",
    "I should rewrite the block about {subject} using {tool}.",
    "One detail about {subject} belongs in long-term memory. Calling {tool}.",
    "The memory edits about {subject} look complete. I'll wrap up with {tool}."};

constexpr std::array kThemes{
    ThemeSpec{"research", kResearchSubjects, kResearchTasks, kResearchTools, kResearchThoughts},
    ThemeSpec{"code_debugging", kCodeSubjects, kCodeTasks, kCodeTools, kCodeThoughts},
    ThemeSpec{"data_analysis", kDataSubjects, kDataTasks, kDataTools, kDataThoughts},
    ThemeSpec{"customer_support", kSupportSubjects, kSupportTasks, kSupportTools, kSupportThoughts},
    ThemeSpec{"scheduling", kScheduleSubjects, kScheduleTasks, kScheduleTools, kScheduleThoughts},
    ThemeSpec{"writing", kWritingSubjects, kWritingTasks, kWritingTools, kWritingThoughts},
    ThemeSpec{"incident_response", kOpsSubjects, kOpsTasks, kOpsTools, kOpsThoughts},
    ThemeSpec{"memory_management", kMemorySubjects, kMemoryTasks, kMemoryTools, kMemoryThoughts},
};

constexpr std::array<const char *, 4> kClosing{
    "I have everything I need about {subject}. Time to write a clear answer.",
    "The results are consistent, so I can summarise {subject} for the user now.",
    "Enough digging. Let me give the user a concise answer about {subject}.",
    "I'll answer now and mention the caveats about {subject}."};
constexpr std::array<const char *, 3> kRecovery{
    "{tool} returned an error. I'll adjust the arguments and try again.",
    "That call failed. Maybe a different approach to {subject} works better.",
    "The error from {tool} looks transient; retrying once."};
constexpr std::array<const char *, 3> kApproval{
    "This action with {tool} changes something for real, so it needs the user's approval first.",
    "I'm ready to call {tool}, but it requires approval. Asking the user.",
    "Calling {tool} is the right fix for {subject}; requesting approval before proceeding."};

} // namespace

std::span<const ThemeSpec> themes()
{
    return kThemes;
}

int themeIndex(const char *name)
{
    for (size_t i = 0; i < kThemes.size(); ++i) {
        if (std::strcmp(kThemes[i].name, name) == 0)
            return int(i);
    }
    return -1;
}

std::span<const char *const> closingThoughts()
{
    return kClosing;
}

std::span<const char *const> recoveryThoughts()
{
    return kRecovery;
}

std::span<const char *const> approvalThoughts()
{
    return kApproval;
}

} // namespace lettascope::demo
