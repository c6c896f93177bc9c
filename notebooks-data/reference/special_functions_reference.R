# Reference values for KPIStats.SpecialFunctions: R's qt, pt, qnorm, pnorm on a fixed grid.
# Run from the repository root:   Rscript notebooks-data/reference/special_functions_reference.R
# Writes special_functions_reference.csv (fn,x,df,value) next to this script, full precision.
# fn: qnorm(p = x), pnorm(q = x), qt(p = x, df), pt(q = x, df); df is NA for the normal functions.
out_dir <- local({
  args <- commandArgs(trailingOnly = FALSE)
  f <- sub("^--file=", "", args[grep("^--file=", args)])
  if (length(f) == 1) dirname(normalizePath(f)) else "notebooks-data/reference"
})
f17 <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))

ps <- c(1e-8, 1e-6, 0.0001, 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.45, 0.5, 0.55, 0.7, 0.8,
        0.9, 0.95, 0.975, 0.99, 0.995, 0.999, 0.9999)
xs <- c(-40, -12, -8, -5, -3, -2.5, -1.96, -1, -0.5, -0.1, 0, 0.1, 0.5, 1, 1.2815515655446004, 1.96, 2.5,
        3, 5, 8, 12, 40)
dfs <- c(1, 2, 3, 4, 5, 7.5, 10, 30, 100, 1000, 1e5, 1e6, 1e8)

rows <- list()
add <- function(fn, x, df, v) rows[[length(rows) + 1]] <<- data.frame(fn = fn, x = f17(x), df = f17(df), value = f17(v))
for (p in ps) add("qnorm", p, NA, qnorm(p))
for (x in xs) add("pnorm", x, NA, pnorm(x))
for (df in dfs) {
  for (p in ps) add("qt", p, df, qt(p, df))
  for (x in xs) add("pt", x, df, pt(x, df))
}
write.csv(do.call(rbind, rows), file.path(out_dir, "special_functions_reference.csv"), row.names = FALSE, quote = FALSE)
cat("wrote", length(rows), "values\n")
