# Reference values for KPIStats.VariancePrior (empirical-Bayes noise-variance prior) from
# limma's fitFDist and squeezeVar, and for SpecialFunctions.digamma/trigamma/trigammaInverse.
# Needs r-bioc-limma (apt-get install -y --no-install-recommends r-bioc-limma).
# Run from the repository root:   Rscript notebooks-data/reference/variance_prior_reference.R
# Writes variance_prior_cases.csv (case,variance,df) and variance_prior_reference.csv
# (case,quantity,index,value) next to this script, full precision.
suppressMessages(library(limma))
out_dir <- local({
  args <- commandArgs(trailingOnly = FALSE)
  f <- sub("^--file=", "", args[grep("^--file=", args)])
  if (length(f) == 1) dirname(normalizePath(f)) else "notebooks-data/reference"
})
f17 <- function(x) ifelse(is.infinite(x), "Inf", sprintf("%.17g", x))
set.seed(20261205)
cases <- list()
# 1. 200 series, 3 df each, true variances from a scaled inverse chi-square(4, 0.04): finite d0.
s2 <- 4 * 0.04 / rchisq(200, 4); cases[[1]] <- data.frame(variance = s2 * rchisq(200, 3) / 3, df = 3)
# 2. mixed df 1..7 (short series of different lengths), heterogeneous truths.
d <- sample(1:7, 150, replace = TRUE); s2 <- 6 * 0.2 / rchisq(150, 6)
cases[[2]] <- data.frame(variance = s2 * rchisq(150, d) / d, df = d)
# 3. one common variance, 2 df each (d0 large but finite with this draw).
cases[[3]] <- data.frame(variance = 0.09 * rchisq(80, 2) / 2, df = 2)
# 4. fractional df (0.876 k: mean absolute differences), very heterogeneous truths (d0 small).
k <- sample(2:6, 120, replace = TRUE); s2 <- 1.5 * 0.3 / rchisq(120, 1.5)
cases[[4]] <- data.frame(variance = s2 * rchisq(120, 0.876 * k) / (0.876 * k), df = 0.876 * k)
# 5. two series only.
cases[[5]] <- data.frame(variance = c(0.5, 2), df = c(3, 4))
# 6. less spread than sampling alone gives: d0 = Inf, s0^2 = the mean variance.
cases[[6]] <- data.frame(variance = c(1, 1.1, 0.9, 1.05), df = 10)
rows <- list(); crow <- list()
add <- function(case, q, i, v) rows[[length(rows) + 1]] <<- data.frame(case = case, quantity = q, index = i, value = f17(v))
for (c in seq_along(cases)) {
  x <- cases[[c]]
  crow[[c]] <- data.frame(case = c, variance = f17(x$variance), df = f17(x$df))
  fit <- fitFDist(x$variance, x$df)
  add(c, "scale", 0, fit$scale); add(c, "df2", 0, fit$df2)
  post <- squeezeVar(x$variance, x$df)$var.post
  for (i in seq_along(post)) add(c, "posterior", i, post[i])
}
xs <- c(0.01, 0.1, 0.438, 0.5, 1, 1.5, 2.5, 3.7, 9.99, 10, 25, 300)
for (x in xs) { add(0, "digamma", x, digamma(x)); add(0, "trigamma", x, trigamma(x)) }
for (x in c(1e-7, 0.01, 0.3, 1, 1.645, 5, 50, 2e7)) add(0, "trigammaInverse", x, trigammaInverse(x))
write.csv(do.call(rbind, crow), file.path(out_dir, "variance_prior_cases.csv"), row.names = FALSE, quote = FALSE)
write.csv(do.call(rbind, rows), file.path(out_dir, "variance_prior_reference.csv"), row.names = FALSE, quote = FALSE)
cat("wrote", length(rows), "values\n")
