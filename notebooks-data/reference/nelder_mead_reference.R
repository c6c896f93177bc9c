#!/usr/bin/env Rscript
# Reference for Sources/KPIStats/Optimization/NelderMead.swift: R's optim(method = "Nelder-Mead")
# (C nmmin) on fixed test functions. Usage (repo root): Rscript notebooks-data/reference/nelder_mead_reference.R
out <- "notebooks-data/reference/nelder_mead_reference.csv"
fns <- list(
  rosenbrock = list(f = function(x) 100 * (x[2] - x[1]^2)^2 + (1 - x[1])^2, start = c(-1.2, 1)),
  quadratic4 = list(f = function(x) sum((x - c(1, -2, 3, 0.5))^2 * c(1, 10, 100, 1000)), start = c(0, 0, 0, 0)),
  # +Inf outside the box, as the ETS objective does (optim replaces it by 1e35).
  boxed = list(f = function(x) if (any(x < 0) || any(x > 1)) Inf else sum((x - c(0.9, 0.05, 0.5))^2) + x[1] * x[2],
               start = c(0.2, 0.02, 0.1))
)
rows <- list()
for (nm in names(fns)) {
  o <- optim(fns[[nm]]$start, fns[[nm]]$f, method = "Nelder-Mead", control = list(maxit = 2000))
  rows[[nm]] <- data.frame(name = nm, value = sprintf("%.17g", o$value), evaluations = o$counts[["function"]],
                           convergence = o$convergence, par = paste(sprintf("%.17g", o$par), collapse = ";"))
}
write.csv(do.call(rbind, rows), out, row.names = FALSE, quote = FALSE)
