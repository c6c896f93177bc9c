# Reference for the command-line test (Tests/CLITests/CLIRegressionReferenceTests.swift):
#   kpi-forecast forecast cli_random_series.csv --model regression --transform none --format csv --horizon 4
# must reproduce predict(lm(y ~ t + factor(q)), newdata, interval = "prediction", level = 0.8 / 0.95).
# Run from the repository root:   Rscript notebooks-data/reference/cli_forecast_reference.R
# Writes cli_random_series.csv (tidy input: indicator,period,value) and cli_random_reference.csv
# (period,mean,lo80,hi80,lo95,hi95) next to this script.
out_dir <- local({
  args <- commandArgs(trailingOnly = FALSE)
  f <- sub("^--file=", "", args[grep("^--file=", args)])
  if (length(f) == 1) dirname(normalizePath(f)) else "notebooks-data/reference"
})
f17 <- function(x) sprintf("%.17g", x)

set.seed(4242)
n <- 22
pos <- 0:(n - 1)
first <- 1                                   # starts 2017-09: financial Q2 (Jul-Sep)
mi <- 2017 * 12 + 8 + 3 * pos                # month index of each quarter end
periods <- sprintf("%04d-%02d", mi %/% 12, mi %% 12 + 1)
q <- (first + pos) %% 4
y <- round(50 + 0.5 * (pos + 1) + c(0, 4, -3, 1)[q + 1] + rnorm(n, 0, 3), 3)

d <- data.frame(y = y, t = pos + 1, q = factor(q, levels = 0:3))
fit <- lm(y ~ t + q, data = d)
npos <- n:(n + 3)
nd <- data.frame(t = npos + 1, q = factor((first + npos) %% 4, levels = 0:3))
p80 <- predict(fit, nd, interval = "prediction", level = 0.80)
p95 <- predict(fit, nd, interval = "prediction", level = 0.95)
nmi <- 2017 * 12 + 8 + 3 * npos

write.csv(data.frame(indicator = "random_kpi", period = periods, value = y),
          file.path(out_dir, "cli_random_series.csv"), row.names = FALSE, quote = FALSE)
write.csv(data.frame(period = sprintf("%04d-%02d", nmi %/% 12, nmi %% 12 + 1),
                     mean = f17(p80[, "fit"]), lo80 = f17(p80[, "lwr"]), hi80 = f17(p80[, "upr"]),
                     lo95 = f17(p95[, "lwr"]), hi95 = f17(p95[, "upr"])),
          file.path(out_dir, "cli_random_reference.csv"), row.names = FALSE, quote = FALSE)
cat("wrote cli_random_series.csv and cli_random_reference.csv\n")
