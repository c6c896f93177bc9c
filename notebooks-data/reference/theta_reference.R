# Reference values for Theta, SES, the seasonality test and classical decomposition
# (Sources/KPIStats/Models/Theta.swift, SimpleExponentialSmoothing.swift, Decomposition.swift).
# R 4.x with forecast 8.20. Run from the repo root:
#   Rscript notebooks-data/reference/theta_reference.R
# Writes theta_reference_series.csv (inputs) and theta_reference.csv (long: series,quantity,index,value).
suppressPackageStartupMessages(library(forecast))
set.seed(20261123)
series <- list(
  ukgas = UKgas,                                   # quarterly, multiplicative seasonality, n = 108
  austres = austres,                               # quarterly, smooth trend, n = 89
  rw_q = ts(100 + cumsum(rnorm(30, 0.5, 2)), frequency = 4),            # quarterly random walk, n = 30
  short_q = ts(c(52, 61, 58, 49, 55, 64, 60, 51, 57, 66), frequency = 4), # ten quarters, seasonal
  www = WWWusage,                                  # non-seasonal, n = 100
  accdeaths = USAccDeaths                          # monthly, n = 72
)
h <- 8
inputs <- do.call(rbind, lapply(names(series), function(id) {
  y <- series[[id]]
  data.frame(series = id, period = frequency(y), index = seq_along(y), value = as.numeric(y))
}))
write.csv(inputs, "notebooks-data/reference/theta_reference_series.csv", row.names = FALSE)

rows <- list()
add <- function(id, q, v) rows[[length(rows) + 1]] <<- data.frame(series = id, quantity = q, index = seq_along(v), value = as.numeric(v))
for (id in names(series)) {
  y <- series[[id]]
  m <- frequency(y); n <- length(y)
  # thetaf's seasonality decision, reproduced from its source (forecast 8.20, R/theta.R).
  seasonal <- FALSE
  if (m > 1 && n > 2 * m) {
    r <- as.numeric(acf(y, lag.max = m, plot = FALSE)$acf)[-1]
    stat <- sqrt((1 + 2 * sum(r[-m]^2)) / n)
    seasonal <- abs(r[m]) / stat > qnorm(0.95)
    add(id, "acf", r)
  }
  add(id, "seasonal", as.numeric(seasonal))
  x <- y
  if (seasonal) {
    d <- decompose(y, type = "multiplicative")
    add(id, "indices", d$figure)          # by position from the series start
    x <- seasadj(d)
  }
  s <- ses(x, h = h)
  add(id, "ses_alpha", s$model$par["alpha"])
  add(id, "ses_l0", s$model$par["l"])
  add(id, "ses_sse", sum(residuals(s)^2))
  f <- thetaf(y, h = h, level = c(80, 95))
  add(id, "theta_mean", f$mean)
  add(id, "theta_upper80", f$upper[, 1])
  add(id, "theta_sigma2", f$model$sigma)
  add(id, "theta_alpha", f$model$alpha)
  add(id, "theta_drift", f$model$drift)
}
out <- do.call(rbind, rows)
write.csv(out, "notebooks-data/reference/theta_reference.csv", row.names = FALSE)
cat("wrote", nrow(out), "reference values\n")
