# R forecast's scores on Tourism quarterly cut to its last K training quarters (K = 3, 5, 8),
# forecasting the first 4 test quarters — the cut regime of docs/ACCURACY.md, scored as
# kpi-bench --mase-full scores it: MASE scaled by the lag-4 naive error of the FULL training
# series; errors of ets/thetaf fall back to naive. Reproduces RESULTS.md's cut table.
# Run: Rscript notebooks-data/reference/tourism_cuts.R ../shared/data/benchmarks/tourism_quarterly.csv
suppressMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
path <- if (length(args) > 0) args[1] else "../shared/data/benchmarks/tourism_quarterly.csv"
d <- read.csv(path, stringsAsFactors = FALSE)
ids <- unique(d$series_id)
smape <- function(y, f) mean(200 * abs(y - f) / (abs(y) + abs(f)))
score <- function(K, method) {
  s <- m <- c80 <- c95 <- c()
  t0 <- proc.time()[["elapsed"]]
  for (id in ids) {
    x <- d[d$series_id == id, ]
    train <- x$value[x$split == "train"]; test <- head(x$value[x$split == "test"], 4)
    scale <- mean(abs(diff(train, lag = 4)))
    y <- ts(tail(train, K), frequency = 4)
    fc <- tryCatch(switch(method,
      naive = naive(y, h = 4, level = c(80, 95)),
      snaive = snaive(y, h = 4, level = c(80, 95)),
      ets = forecast(ets(y), h = 4, level = c(80, 95)),
      thetaf = thetaf(y, h = 4, level = c(80, 95))),
      error = function(e) naive(y, h = 4, level = c(80, 95)))
    f <- as.numeric(fc$mean)
    s <- c(s, smape(test, f)); m <- c(m, mean(abs(test - f)) / scale)
    c80 <- c(c80, test >= fc$lower[, 1] & test <= fc$upper[, 1])
    c95 <- c(c95, test >= fc$lower[, 2] & test <= fc$upper[, 2])
  }
  data.frame(cut = K, method = method, sMAPE = round(mean(s), 2), MASE = round(mean(m), 3),
             cov80 = round(mean(c80), 3), cov95 = round(mean(c95), 3),
             seconds = round(proc.time()[["elapsed"]] - t0, 1))
}
out <- do.call(rbind, lapply(c(3, 5, 8), function(K) do.call(rbind, lapply(c("naive", "snaive", "ets", "thetaf"), function(mt) score(K, mt)))))
print(out, row.names = FALSE)
write.csv(out, "notebooks-data/reference/tourism_cuts_r.csv", row.names = FALSE)
