#!/usr/bin/env Rscript
# R forecast 8.20 ets() automatic choice on all 427 Tourism quarterly training series, for
# `swift run -c release ets-bench --compare notebooks-data/reference/ets_reference_tourism_auto.csv`.
# Usage (repo root): Rscript notebooks-data/reference/ets_reference_tourism_auto.R [../shared/data]
suppressMessages(library(forecast))
stopifnot(packageVersion("forecast") == "8.20")
args <- commandArgs(trailingOnly = TRUE)
data_dir <- if (length(args) >= 1) args[1] else "../shared/data"
tq <- read.csv(file.path(data_dir, "benchmarks", "tourism_quarterly.csv"))
ids <- unique(tq$series_id)
rows <- lapply(ids, function(id) {
  d <- tq[tq$series_id == id & tq$split == "train", ]
  f <- ets(ts(d$value[order(d$period_index)], frequency = 4))
  data.frame(series = id, method = gsub("[(),]", "", sub("ETS", "", f$method)),
             aicc = sprintf("%.10g", f$aicc), alpha = sprintf("%.10g", f$par["alpha"]))
})
write.csv(do.call(rbind, rows), "notebooks-data/reference/ets_reference_tourism_auto.csv", row.names = FALSE, quote = FALSE)
