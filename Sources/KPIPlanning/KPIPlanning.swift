/// Targets, intervention levels, scenarios and alternative-provision demand (issue 5).
public enum KPIPlanning {}
