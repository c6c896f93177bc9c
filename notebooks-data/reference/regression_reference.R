# Reference values for kpi-forecast's seasonal regression (Sources/KPIStats/Models/SeasonalRegression.swift)
# and for the full forecast pipeline (transform -> lm -> Student-t prediction interval -> back-transform).
#
# Run from the repository root:   Rscript notebooks-data/reference/regression_reference.R
# Writes (next to this script):
#   regression_series.csv     the fixed input series (series,position,period,value; NA = gap)
#   regression_meta.csv       per series: unit, frequency, transform, bounds, epsilon, shifts, prior
#   regression_reference.csv  per series: coefficients, sigma, residual df, forecasts h = 1..H on the
#                             model scale and back-transformed (series,kind,name,h,value)
#
# Design (mirrors SeasonalRegression): intercept; t = 1..n (position, gaps counted); treatment-contrast
# season dummies, factor(q, levels = 0:(m-1)) where q = (firstSeason + t - 1) %% m and firstSeason is
# the financial season of the first period (quarters: Apr-Jun = 0 ... Jan-Mar = 3; months: April = 0);
# a level shift at 0-based position k is the step dummy 1{t - 1 >= k}. Fitted by base R lm() (QR,
# LINPACK dqrdc2 with tol 1e-7; aliased terms are NA) and predicted by predict.lm(interval = "prediction").
# Seasonal prior (short series): ridge augmentation rows sqrt(w) * dummy_s = sqrt(w) * (mu_s - mu_0),
# fitted as lm on the augmented model matrix (no intercept added by lm).
#
# Logit rule (Transform.logitEpsilon): eps = half the smallest positive distance of any observation from
# a bound, capped at 0.5% of the range; values are clamped into [lo + eps, hi - eps]; logit(y) =
# log((y - lo) / (hi - y)). Point forecasts back-transformed are medians (inverse of the model-scale mean).

out_dir <- local({
  args <- commandArgs(trailingOnly = FALSE)
  f <- sub("^--file=", "", args[grep("^--file=", args)])
  if (length(f) == 1) dirname(normalizePath(f)) else "notebooks-data/reference"
})

f17 <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))

# ---- the fixed series --------------------------------------------------------------------------------
period_seq <- function(start_year, start_month, n, step) {
  mi <- start_year * 12 + (start_month - 1) + (0:(n - 1)) * step
  sprintf("%04d-%02d", mi %/% 12, mi %% 12 + 1)
}
fin_season <- function(month, step) ((month + 8) %% 12) %/% step

series <- list()
add <- function(id, unit, start_year, start_month, step, values, transform, shifts = integer(0),
                prior = NULL, prior_weight = NA, horizon = 4, lower = NA, upper = NA) {
  series[[id]] <<- list(id = id, unit = unit, step = step, m = 12 %/% step,
                        first = fin_season(start_month, step), values = values,
                        periods = period_seq(start_year, start_month, length(values), step),
                        transform = transform, shifts = shifts, prior = prior, prior_weight = prior_weight,
                        horizon = horizon, lower = lower, upper = upper)
}

# (a) Bounded percent, September (financial Q2) spike, one value of exactly 100: logit scale.
add("pct_logit", "percent", 2019, 12, 3,
    c(86.1, 84.7, 88.0, 95.3, 87.9, 88.6, 90.2, 99.2, 89.4, 90.8, 91.1, 100, 92.3, 91.5, 93.9, 98.7),
    "logit", lower = 0, upper = 100)

# (b) Count with a summer (Q2, Jul-Sep) dip: log scale.
set.seed(20221)
tb <- 0:19
qb <- (0 + tb) %% 4
add("count_log", "count", 2018, 6, 3,
    round(120 * exp(0.015 * tb) * ifelse(qb == 1, 0.78, 1) * exp(rnorm(20, 0, 0.05))), "log")

# (c) Unbounded number on the identity scale, with a gap in the middle (position 6).
set.seed(20222)
tc <- 0:13
vc <- round(-12 + 0.3 * tc + c(1.5, -0.5, 0.8, -1.8)[(3 + tc) %% 4 + 1] + rnorm(14, 0, 0.6), 2)
vc[7] <- NA
add("number_gap", "number", 2020, 3, 3, vc, "none")

# (d) Level shift (+5 from position 10).
set.seed(20223)
td <- 0:17
vd <- round(40 + 0.2 * td + c(0, 2, -1, 1)[(1 + td) %% 4 + 1] + 5 * (td >= 10) + rnorm(18, 0, 0.8), 2)
add("level_shift", "number", 2019, 9, 3, vd, "none", shifts = 10L)

# (e) Monthly, 12 season dummies (starts in July: financial month 3).
set.seed(20224)
te <- 0:39
se <- (3 + te) %% 12
ve <- round(200 + 0.8 * te + 10 * sin(2 * pi * se / 12) + 4 * (se == 5) + rnorm(40, 0, 3), 1)
add("monthly", "number", 2019, 7, 1, ve, "none", horizon = 6)

# (f) Rank deficiency by collinearity: gap at positions 8-9 and shifts at 8 and 10 are identical on the
#     observed rows, so the later shift is aliased (a non-zero column, found by the 1e-7 tolerance).
set.seed(20225)
tf <- 0:15
vf <- round(10 + 0.1 * tf + c(0, 1, -1, 0.5)[(0 + tf) %% 4 + 1] + 3 * (tf >= 9) + rnorm(16, 0, 0.4), 2)
vf[9:10] <- NA
add("collinear_shift", "number", 2018, 6, 3, vf, "none", shifts = c(8L, 10L))

# (g) Rank deficiency by a season never observed: every Oct-Dec quarter (season 2) missing.
set.seed(20226)
tg <- 0:15
vg <- round(50 - 0.3 * tg + c(2, -2, 0, 1)[(0 + tg) %% 4 + 1] + rnorm(16, 0, 0.7), 2)
vg[(0 + tg) %% 4 == 2] <- NA
add("unseen_season", "number", 2018, 6, 3, vg, "none")

# (h) Short series (6 quarters) with a seasonal prior on the model scale, weight 4 per contrast;
#     (h0) the same series without a prior, where the seasonal terms are dropped (trend only).
vh <- c(20.5, 24.1, 19.2, 18.9, 22.0, 25.3)
add("short_prior", "number", 2022, 6, 3, vh, "none", prior = c(0, 3, -1, -2), prior_weight = 4)
add("short_noprior", "number", 2022, 6, 3, vh, "none")

# ---- transforms ---------------------------------------------------------------------------------------
logit_eps <- function(v, lo, hi) {
  v <- v[!is.na(v)]
  d <- c(v - lo, hi - v)
  d <- d[d > 0]
  cap <- 0.005 * (hi - lo)
  if (length(d) == 0) cap else min(min(d) / 2, cap)
}
forward <- function(s, y) {
  switch(s$transform,
         none = y,
         log = log(y),
         logit = { v <- pmin(pmax(y, s$lower + s$eps), s$upper - s$eps); log((v - s$lower) / (s$upper - v)) })
}
inverse <- function(s, z) {
  switch(s$transform,
         none = z,
         log = exp(z),
         logit = s$lower + (s$upper - s$lower) * plogis(z))
}

# ---- fitting -----------------------------------------------------------------------------------------
ref_rows <- list()
emit <- function(id, kind, name, h, value) {
  ref_rows[[length(ref_rows) + 1]] <<- data.frame(series = id, kind = kind, name = name, h = h,
                                                  value = f17(value), stringsAsFactors = FALSE)
}

swift_names <- function(m, shifts, seasonal = TRUE) {
  c("(Intercept)", "t", if (seasonal && m > 1) paste0("season", 2:m), if (length(shifts)) paste0("shift@", shifts))
}

design_frame <- function(s, positions) {
  d <- data.frame(t = positions + 1)
  d$q <- factor((s$first + positions) %% s$m, levels = 0:(s$m - 1))
  for (k in s$shifts) d[[paste0("s", k)]] <- as.numeric(positions >= k)
  d
}

for (s in series) {
  n <- length(s$values)
  s$eps <- if (s$transform == "logit") logit_eps(s$values, s$lower, s$upper) else NA
  y <- forward(s, s$values)
  H <- s$horizon
  seasonal <- TRUE
  if (is.null(s$prior)) {
    if (s$id == "short_noprior") seasonal <- FALSE  # fewer than 2 years and no prior: no season terms
    d <- design_frame(s, 0:(n - 1))
    d$y <- y
    rhs <- c("t", if (seasonal) "q", if (length(s$shifts)) paste0("s", s$shifts))
    nd <- design_frame(s, n:(n + H - 1))
    if (all(levels(d$q) %in% d$q[!is.na(y)])) {
      fit <- lm(reformulate(rhs, "y"), data = d)          # na.action = na.omit drops the gaps
      p80 <- predict(fit, nd, interval = "prediction", level = 0.80)
      p95 <- predict(fit, nd, interval = "prediction", level = 0.95)
    } else {
      # A season with no observation: lm(y ~ factor) would drop the level (and predict() refuses it).
      # Keep its all-zero column, as SeasonalRegression does, so QR aliases it (coefficient NA) and
      # predictions for that season use the baseline.
      X <- model.matrix(reformulate(rhs), d)
      fit <- lm(y ~ X - 1)
      X0 <- model.matrix(reformulate(rhs), nd)
      p80 <- predict(fit, list(X = X0), interval = "prediction", level = 0.80)
      p95 <- predict(fit, list(X = X0), interval = "prediction", level = 0.95)
    }
  } else {
    # Augmented least squares: data rows, then one ridge row per seasonal contrast.
    X <- model.matrix(~ t + q, design_frame(s, 0:(n - 1)))
    w <- sqrt(s$prior_weight)
    A <- matrix(0, s$m - 1, ncol(X))
    A[cbind(1:(s$m - 1), 2 + 1:(s$m - 1))] <- w
    Xa <- rbind(X, A)
    ya <- c(y, w * (s$prior[-1] - s$prior[1]))
    fit <- lm(ya ~ Xa - 1)
    X0 <- model.matrix(~ t + q, design_frame(s, n:(n + H - 1)))
    p80 <- predict(fit, list(Xa = X0), interval = "prediction", level = 0.80)
    p95 <- predict(fit, list(Xa = X0), interval = "prediction", level = 0.95)
    # The prior must pull the seasonal effects: compare with the unpenalised fit on the same columns.
    free <- lm(y ~ X - 1)
    emit(s$id, "free_coef", swift_names(s$m, s$shifts), NA, coef(free))
  }
  co <- coef(fit)
  stopifnot(length(co) == length(swift_names(s$m, s$shifts, seasonal)))
  emit(s$id, "coef", swift_names(s$m, s$shifts, seasonal), NA, co)
  emit(s$id, "sigma", "sigma", NA, summary(fit)$sigma)
  emit(s$id, "df", "df", NA, fit$df.residual)
  if (!is.na(s$eps)) emit(s$id, "epsilon", "epsilon", NA, s$eps)
  model <- cbind(mean = p80[, "fit"], lo80 = p80[, "lwr"], hi80 = p80[, "upr"], lo95 = p95[, "lwr"], hi95 = p95[, "upr"])
  for (h in 1:H) {
    for (nm in colnames(model)) {
      emit(s$id, "model", nm, h, model[h, nm])
      emit(s$id, "data", nm, h, inverse(s, model[h, nm]))
    }
  }
  series[[s$id]]$eps <- s$eps
}

# ---- write -------------------------------------------------------------------------------------------
ser <- do.call(rbind, lapply(series, function(s) data.frame(
  series = s$id, position = seq_along(s$values) - 1, period = s$periods, value = f17(s$values),
  stringsAsFactors = FALSE)))
meta <- do.call(rbind, lapply(series, function(s) data.frame(
  series = s$id, unit = s$unit, frequency = if (s$step == 3) "quarterly" else "monthly",
  first_season = s$first, transform = s$transform, lower = f17(s$lower), upper = f17(s$upper),
  epsilon = f17(s$eps), horizon = s$horizon, shifts = paste(s$shifts, collapse = ";"),
  prior = if (is.null(s$prior)) "" else paste(f17(s$prior), collapse = ";"), prior_weight = f17(s$prior_weight),
  stringsAsFactors = FALSE)))
write.csv(ser, file.path(out_dir, "regression_series.csv"), row.names = FALSE, quote = FALSE)
write.csv(meta, file.path(out_dir, "regression_meta.csv"), row.names = FALSE, quote = FALSE)
write.csv(do.call(rbind, ref_rows), file.path(out_dir, "regression_reference.csv"), row.names = FALSE, quote = FALSE)
cat("wrote", length(series), "series,", length(ref_rows), "reference blocks to", out_dir, "\n")
