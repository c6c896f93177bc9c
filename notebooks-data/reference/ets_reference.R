#!/usr/bin/env Rscript
# Reference values for the Swift ETS (Sources/KPIStats/Models/ETS) from R forecast 8.20.
# Usage (from the repository root): Rscript notebooks-data/reference/ets_reference.R [../shared/data]
# Writes, next to this script:
#   ets_reference_series.csv      the fixture series (a few tourism series, AirPassengers, a simulated one)
#   ets_reference_fits.csv        per series x model: R's estimates, states, criteria, forecasts, intervals
#   ets_reference_auto.csv        ets(y) automatic choice per series
#   ets_reference_admissible.csv  R's admissible() on random parameter sets
suppressMessages(library(forecast))
stopifnot(packageVersion("forecast") == "8.20")
args <- commandArgs(trailingOnly = TRUE)
data_dir <- if (length(args) >= 1) args[1] else "../shared/data"
out_dir <- "notebooks-data/reference"

tq <- read.csv(file.path(data_dir, "benchmarks", "tourism_quarterly.csv"))
train <- function(id) {
  d <- tq[tq$series_id == id & tq$split == "train", ]
  d$value[order(d$period_index)]
}
set.seed(20240601)
sim <- 50 + cumsum(rnorm(40, 0, 2)) + rep(c(-8, 3, 9, -4), 10) + rnorm(40, 0, 2) - 60
series <- list(
  Q1 = list(y = train("Q1"), m = 4),
  Q194 = list(y = train("Q194"), m = 4),
  Q120 = list(y = train("Q120"), m = 4),
  Q300 = list(y = train("Q300"), m = 4),
  Q120last10 = list(y = tail(train("Q120"), 10), m = 4),
  AirPassengers = list(y = as.numeric(AirPassengers), m = 12),
  SimNegative = list(y = sim, m = 4),
  # n = 11 < 3m: seasonal starting values from R's Fourier regression instead of decompose().
  Q1first11 = list(y = head(train("Q1"), 11), m = 4)
)
# Monthly: simulated multiplicative-seasonal series (n = 72) and short cuts (n < 3m = 36).
set.seed(99)
month <- 100 * (1 + 0.25 * sin(2 * pi * (1:72) / 12)) * exp(cumsum(rnorm(72, 0.004, 0.02))) * exp(rnorm(72, 0, 0.03))
series$SimMonthly <- list(y = month, m = 12)
series$SimMonthly30 <- list(y = head(month, 30), m = 12)
series$AirPassengers30 <- list(y = head(as.numeric(AirPassengers), 30), m = 12)
# Automatic choice also on every 25th tourism series.
auto_ids <- sprintf("Q%d", seq(5, 427, by = 25))
for (id in auto_ids) series[[id]] <- list(y = train(id), m = 4)
fixed_series <- c("Q1", "Q194", "Q120", "Q300", "AirPassengers", "SimNegative", "Q1first11")

# Only the few fixture series are written; the other tourism series are read by the Swift tests
# from the shared data directory (../shared/data), not copied into the repository.
rows <- list()
for (nm in setdiff(names(series), auto_ids)) {
  s <- series[[nm]]
  rows[[nm]] <- data.frame(series = nm, period = s$m, t = seq_along(s$y), value = sprintf("%.10g", s$y))
}
write.csv(do.call(rbind, rows), file.path(out_dir, "ets_reference_series.csv"), row.names = FALSE, quote = FALSE)

# class1 as R, but with gamma placed on the newest seasonal state for models without a trend
# (R puts it at row 3 whatever the trend, which misplaces it for ETS(A,N,A)/(M,N,A)); this is
# Hyndman et al. (2008) Table 6.1's variance, used by the Swift code.
class1_book <- forecast:::class1
body(class1_book)[[13]] <- quote(if (seasontype == "A") {
  G[2 + (trendtype != "N"), 1] <- par["gamma"]
})
class2_book <- function(h, last.state, trendtype, seasontype, damped, m, sigma2, par) {
  tmp <- class1_book(h, last.state, trendtype, seasontype, damped, m, sigma2, par)
  theta <- numeric(h)
  theta[1] <- tmp$mu[1]^2
  if (h > 1) for (j in 2:h) theta[j] <- tmp$mu[j]^2 + sigma2 * sum(tmp$cj[1:(j - 1)]^2 * theta[(j - 1):1])
  list(mu = tmp$mu, var = (1 + sigma2) * theta - tmp$mu^2)
}

# class3 as R, but for damped trends with the state (level, b) of the book (Hyndman et al. 2008,
# ch. 6, class 3): H1 = (1, phi), F1 = [1 phi; 0 phi], G1 = [alpha alpha*phi; beta beta*phi].
# R's class3 uses the undamped H1 and G1 with F1 = [1 1; 0 phi], which is the model for the
# state (level, phi*b) but is fed (level, b): its ETS(M,Ad,M) means use l + b for l + phi*b.
class3_book <- function(h, last.state, trendtype, seasontype, damped, m, sigma2, par) {
  p <- length(last.state)
  phi <- if (damped) par["phi"] else 1
  if (trendtype == "N") {
    H1 <- matrix(1, 1, 1); F1 <- 1; G1 <- par["alpha"]
  } else {
    H1 <- matrix(c(1, phi), nrow = 1)
    F1 <- rbind(c(1, phi), c(0, phi))
    G1 <- rbind(c(par["alpha"], par["alpha"] * phi), c(par["beta"], par["beta"] * phi))
  }
  H2 <- matrix(c(rep(0, m - 1), 1), nrow = 1)
  F2 <- rbind(c(rep(0, m - 1), 1), cbind(diag(m - 1), rep(0, m - 1)))
  G2 <- matrix(0, m, m)
  G2[1, m] <- par["gamma"]
  Mh <- matrix(last.state[1:(p - m)]) %*% matrix(last.state[(p - m + 1):p], nrow = 1)
  Vh <- matrix(0, length(Mh), length(Mh))
  H21 <- H2 %x% H1; F21 <- F2 %x% F1; G21 <- G2 %x% G1
  K <- (G2 %x% F1) + (F2 %x% G1)
  mu <- var <- numeric(h)
  for (i in 1:h) {
    mu[i] <- H1 %*% Mh %*% t(H2)
    var[i] <- (1 + sigma2) * H21 %*% Vh %*% t(H21) + sigma2 * mu[i]^2
    vecMh <- c(Mh)
    Vh <- F21 %*% Vh %*% t(F21) + sigma2 * (F21 %*% Vh %*% t(G21) + G21 %*% Vh %*% t(F21) +
      K %*% (Vh + vecMh %*% t(vecMh)) %*% t(K) + sigma2 * G21 %*% (3 * Vh + 2 * vecMh %*% t(vecMh)) %*% t(G21))
    Mh <- F1 %*% Mh %*% t(F2) + G1 %*% Mh %*% t(G2) * sigma2
  }
  list(mu = mu, var = var)
}

models <- c("ANN", "AAN", "AAdN", "ANA", "AAA", "AAdA", "MNN", "MAN", "MAdN", "MNA", "MAA", "MAdA", "MNM", "MAM", "MAdM")
H <- 8
fits <- list()
add <- function(series, model, key, index, value) {
  fits[[length(fits) + 1]] <<- data.frame(series = series, model = model, key = key, index = index,
                                          value = sprintf("%.15g", value))
}
for (nm in fixed_series) {
  s <- series[[nm]]
  y <- ts(s$y, frequency = s$m)
  for (code in models) {
    if (substr(code, 1, 1) == "M" && min(y) <= 0) next
    damped <- grepl("d", code)
    mod <- gsub("d", "", code)
    # ets() switches to HoltWinters (not maximum likelihood) when n <= free parameters + 4.
    npars <- 2 + 2 * (substr(mod, 2, 2) != "N") + s$m * (substr(mod, 3, 3) != "N") + damped
    if (length(y) <= npars + 4) next
    f <- ets(y, model = mod, damped = damped)
    p <- f$par
    add(nm, code, "alpha", 0, p["alpha"])
    if (!is.na(p["beta"])) add(nm, code, "beta", 0, p["beta"])
    if (!is.na(p["gamma"])) add(nm, code, "gamma", 0, p["gamma"])
    if (!is.na(p["phi"])) add(nm, code, "phi", 0, p["phi"])
    init <- f$states[1, ]
    last <- f$states[nrow(f$states), ]
    # States in R's order: l, b, s1 (newest) ... sm (applies to the next period).
    for (i in seq_along(init)) add(nm, code, "init", i, init[i])
    for (i in seq_along(last)) add(nm, code, "final", i, last[i])
    add(nm, code, "loglik", 0, f$loglik)
    add(nm, code, "aic", 0, f$aic)
    add(nm, code, "aicc", 0, f$aicc)
    add(nm, code, "bic", 0, f$bic)
    add(nm, code, "sigma2", 0, f$sigma2)
    add(nm, code, "mse", 0, f$mse)
    add(nm, code, "evaluations", 0, f$fit$fncount)
    fc <- forecast(f, h = H, level = c(80, 95))
    for (h in 1:H) {
      add(nm, code, "mean", h, fc$mean[h])
      add(nm, code, "lo80", h, fc$lower[h, 1]); add(nm, code, "hi80", h, fc$upper[h, 1])
      add(nm, code, "lo95", h, fc$lower[h, 2]); add(nm, code, "hi95", h, fc$upper[h, 2])
    }
    comps <- f$components
    mm <- if (comps[3] == "N") 1 else f$m
    fn <- if (comps[3] == "M") class3_book else if (comps[1] == "A") class1_book else class2_book
    v <- fn(H, last, comps[2], comps[3], damped, f$m, f$sigma2, f$par)
    for (h in 1:H) {
      add(nm, code, "mean_book", h, v$mu[h])
      add(nm, code, "sd_book", h, sqrt(v$var[h]))
    }
    for (i in 1:5) add(nm, code, "fitted", i, fitted(f)[i])
  }
}
write.csv(do.call(rbind, fits), file.path(out_dir, "ets_reference_fits.csv"), row.names = FALSE, quote = FALSE)

auto <- list()
for (nm in names(series)) {
  s <- series[[nm]]
  f <- ets(ts(s$y, frequency = s$m))
  auto[[nm]] <- data.frame(series = nm, method = gsub("[(),]", "", f$method), loglik = sprintf("%.12g", f$loglik),
                           aic = sprintf("%.12g", f$aic), aicc = sprintf("%.12g", f$aicc),
                           mean1 = sprintf("%.12g", forecast(f, h = 1)$mean[1]))
}
write.csv(do.call(rbind, auto), file.path(out_dir, "ets_reference_auto.csv"), row.names = FALSE, quote = FALSE)

set.seed(7)
adm <- list()
for (i in 1:400) {
  m <- sample(c(2, 4, 12), 1)
  alpha <- runif(1, 0, 1.2); beta <- runif(1, -0.2, alpha); gamma <- runif(1, -0.1, 1.1 - alpha)
  damped <- runif(1) < 0.5
  phi <- if (damped) runif(1, 0.75, 1) else 1
  trend <- runif(1) < 0.6
  if (!trend) beta <- NULL
  a <- forecast:::admissible(alpha, beta, gamma, if (damped && trend) phi else NULL, m)
  adm[[i]] <- data.frame(m = m, alpha = sprintf("%.15g", alpha), beta = if (trend) sprintf("%.15g", beta) else "NA",
                         gamma = sprintf("%.15g", gamma), phi = if (damped && trend) sprintf("%.15g", phi) else "NA",
                         admissible = as.integer(a))
}
write.csv(do.call(rbind, adm), file.path(out_dir, "ets_reference_admissible.csv"), row.names = FALSE, quote = FALSE)
cat("done\n")

# opt.crit = "mse", as R's ses(), holt() and holt(damped = TRUE) estimate (also used by thetaf).
mse_rows <- list()
for (nm in c("Q1", "Q194", "Q300", "AirPassengers", "SimNegative")) {
  s <- series[[nm]]
  y <- ts(s$y, frequency = s$m)
  for (code in c("ANN", "AAN", "AAdN")) {
    f <- ets(y, model = gsub("d", "", code), damped = grepl("d", code), opt.crit = "mse")
    p <- f$par
    vals <- c(alpha = p[["alpha"]], beta = if (is.na(p["beta"])) NA else p[["beta"]],
              phi = if (is.na(p["phi"])) NA else p[["phi"]], l0 = unname(f$states[1, 1]),
              b0 = if (ncol(f$states) > 1) unname(f$states[1, 2]) else NA, loglik = f$loglik, mse = f$mse,
              evaluations = f$fit$fncount, mean8 = forecast(f, h = 8)$mean[8])
    mse_rows[[paste(nm, code)]] <- data.frame(series = nm, model = code, key = names(vals),
                                              value = ifelse(is.na(vals), "NA", sprintf("%.15g", vals)))
  }
}
write.csv(do.call(rbind, mse_rows), file.path(out_dir, "ets_reference_mse.csv"), row.names = FALSE, quote = FALSE)

# Given (fixed) smoothing parameters: ets(y, model, alpha = ..., ...).
fixed_cases <- list(
  list("Q1", "AAN", list(alpha = 0.3)),
  list("Q1", "ANA", list(gamma = 0.1)),
  list("Q300", "AAdN", list(phi = 0.9)),
  list("Q194", "MAM", list(alpha = 0.2, beta = 0.05)),
  list("SimNegative", "AAA", list(beta = 0.01)),
  list("AirPassengers", "MNM", list(gamma = 0.05)),
  list("Q120", "MAdA", list(alpha = 0.5, phi = 0.95))
)
fixed_rows <- list()
for (cs in fixed_cases) {
  nm <- cs[[1]]; code <- cs[[2]]; given <- cs[[3]]
  s <- series[[nm]]
  y <- ts(s$y, frequency = s$m)
  f <- do.call(ets, c(list(y = y, model = gsub("d", "", code), damped = grepl("d", code)), given))
  p <- f$par
  get <- function(k) if (is.na(p[k])) NA else p[[k]]
  vals <- c(alpha = get("alpha"), beta = get("beta"), gamma = get("gamma"), phi = get("phi"),
            loglik = f$loglik, aic = f$aic, aicc = f$aicc, sigma2 = f$sigma2, evaluations = f$fit$fncount,
            mean8 = as.numeric(forecast(f, h = 8)$mean[8]))
  tag <- paste(names(given), unlist(given), sep = "=", collapse = ";")
  fixed_rows[[length(fixed_rows) + 1]] <- data.frame(series = nm, model = code, given = tag, key = names(vals),
                                                     value = ifelse(is.na(vals), "NA", sprintf("%.15g", vals)))
}
write.csv(do.call(rbind, fixed_rows), file.path(out_dir, "ets_reference_fixed.csv"), row.names = FALSE, quote = FALSE)
