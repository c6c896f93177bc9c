# Reference values for KPIStats.Drift and KPIStats.SeasonalNaive (Sources/KPIStats/Models/NaiveModels.swift):
# forecast 8.20's rwf(drift = TRUE) and snaive(), normal intervals at 80% and 95%.
# Run from the repository root:   Rscript notebooks-data/reference/naive_reference.R
# Writes naive_series.csv (series,period_m,first_season,position,value) and
# naive_reference.csv (series,model,h,mean,lo80,hi80,lo95,hi95) next to this script.
suppressMessages(library(forecast))
out_dir <- local({
  args <- commandArgs(trailingOnly = FALSE)
  f <- sub("^--file=", "", args[grep("^--file=", args)])
  if (length(f) == 1) dirname(normalizePath(f)) else "notebooks-data/reference"
})
f17 <- function(x) sprintf("%.17g", x)

set.seed(777)
drift_y <- round(cumsum(c(30, 0.8 + rnorm(14, 0, 1.5))), 2)              # 15 quarters, random walk + drift
snaive_y <- round(60 + c(0, 5, -4, 2)[(2 + 0:13) %% 4 + 1] + 0.5 * (0:13) + rnorm(14, 0, 1.2), 2)  # first season 2

rows <- list()
emit <- function(id, model, fc) {
  rows[[length(rows) + 1]] <<- data.frame(series = id, model = model, h = seq_along(fc$mean),
    mean = f17(fc$mean), lo80 = f17(fc$lower[, 1]), hi80 = f17(fc$upper[, 1]),
    lo95 = f17(fc$lower[, 2]), hi95 = f17(fc$upper[, 2]))
}
emit("drift_series", "drift", rwf(ts(drift_y, frequency = 4), h = 5, drift = TRUE, level = c(80, 95)))
emit("snaive_series", "snaive", snaive(ts(snaive_y, frequency = 4), h = 6, level = c(80, 95)))

ser <- rbind(data.frame(series = "drift_series", period_m = 4, first_season = 0, position = 0:14, value = f17(drift_y)),
             data.frame(series = "snaive_series", period_m = 4, first_season = 2, position = 0:13, value = f17(snaive_y)))
write.csv(ser, file.path(out_dir, "naive_series.csv"), row.names = FALSE, quote = FALSE)
write.csv(do.call(rbind, rows), file.path(out_dir, "naive_reference.csv"), row.names = FALSE, quote = FALSE)
cat("wrote naive_series.csv and naive_reference.csv\n")
