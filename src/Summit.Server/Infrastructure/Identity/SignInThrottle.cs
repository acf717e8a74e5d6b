using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Summit.Server.Infrastructure.Identity;

/// <summary>
/// Back-off after failed sign-ins (wrong password or wrong two-factor code), kept in the server's memory:
/// <list type="bullet">
/// <item>per account and source: after <see cref="SecurityOptions.FailuresBeforeBackoff"/> failures the source waits
/// <see cref="SecurityOptions.FirstBackoff"/>, and each further failure doubles the wait up to <see cref="SecurityOptions.MaxBackoff"/>;
/// a success, an administrator's unlock or a day without failures starts over;</item>
/// <item>per account, over all sources without a trusted-device cookie: more than <see cref="SecurityOptions.AccountFailuresPerHour"/>
/// failures in an hour make those sources wait for the rest of the hour (guessing from many addresses), while the account's own
/// devices still get in.</item>
/// </list>
/// Accounts are keyed by the address typed, whether an account has it or not, so the answers tell nothing about which exist.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock, IOptionsMonitor<SecurityOptions> options)
{
    /// <summary>Bound on the sources remembered: beyond it, the ones not waiting are forgotten first.</summary>
    public const int MaxSources = 100_000;

    private static readonly TimeSpan ForgetAfter = TimeSpan.FromDays(1);
    private static readonly TimeSpan AccountWindow = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<(string Account, string Source), SourceState> _sources = new();
    private readonly ConcurrentDictionary<string, AccountState> _accounts = new(StringComparer.Ordinal);

    /// <summary>How long this source must wait before it may try this account again; null when it may try now.</summary>
    public TimeSpan? WaitFor(string account, SignInSource source)
    {
        var now = clock.GetUtcNow();
        TimeSpan? wait = null;
        if (_sources.TryGetValue((account, source.Key), out var state))
        {
            lock (state)
            {
                if (state.LockedUntil > now)
                {
                    wait = state.LockedUntil - now;
                }
            }
        }

        if (!source.TrustedDevice && _accounts.TryGetValue(account, out var budget))
        {
            lock (budget)
            {
                var end = budget.WindowStart + AccountWindow;
                if (budget.Failures >= options.CurrentValue.AccountFailuresPerHour && end > now && (wait is null || end - now > wait))
                {
                    wait = end - now;
                }
            }
        }

        return wait;
    }

    public void RecordFailure(string account, SignInSource source)
    {
        var now = clock.GetUtcNow();
        var settings = options.CurrentValue;
        if (_sources.Count >= MaxSources)
        {
            Prune(now);
        }

        var state = _sources.GetOrAdd((account, source.Key), _ => new SourceState());
        lock (state)
        {
            if (now - state.LastFailure > ForgetAfter)
            {
                state.Failures = 0;
                state.Backoffs = 0;
            }

            state.LastFailure = now;
            state.Failures++;
            // Once a source has had to wait, every further failure makes it wait again, twice as long.
            if (state.Backoffs > 0 || state.Failures >= settings.FailuresBeforeBackoff)
            {
                var wait = settings.FirstBackoff.Ticks << Math.Min(state.Backoffs, 20);
                state.LockedUntil = now + TimeSpan.FromTicks(Math.Min(wait, settings.MaxBackoff.Ticks));
                state.Backoffs++;
            }
        }

        if (!source.TrustedDevice)
        {
            var budget = _accounts.GetOrAdd(account, _ => new AccountState());
            lock (budget)
            {
                if (now - budget.WindowStart >= AccountWindow)
                {
                    budget.WindowStart = now;
                    budget.Failures = 0;
                }

                budget.Failures++;
            }
        }
    }

    /// <summary>A successful sign-in from a source forgets that source's failures (not the account's hourly count).</summary>
    public void RecordSuccess(string account, SignInSource source) => _sources.TryRemove((account, source.Key), out _);

    /// <summary>The accounts that some source is waiting for now.</summary>
    public HashSet<string> AccountsWaited()
    {
        var now = clock.GetUtcNow();
        var limit = options.CurrentValue.AccountFailuresPerHour;
        var accounts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ((account, _), state) in _sources)
        {
            lock (state)
            {
                if (state.LockedUntil > now)
                {
                    accounts.Add(account);
                }
            }
        }

        foreach (var (account, budget) in _accounts)
        {
            lock (budget)
            {
                if (budget.Failures >= limit && budget.WindowStart + AccountWindow > now)
                {
                    accounts.Add(account);
                }
            }
        }

        return accounts;
    }

    /// <summary>An administrator's unlock: every source may try the account again.</summary>
    public void Forget(string account)
    {
        foreach (var key in _sources.Keys.Where(k => k.Account == account).ToList())
        {
            _sources.TryRemove(key, out _);
        }

        _accounts.TryRemove(account, out _);
    }

    private void Prune(DateTimeOffset now)
    {
        // First what no longer matters, then (under a flood of distinct sources) every source that is not waiting.
        foreach (var onlyStale in new[] { true, false })
        {
            foreach (var (key, state) in _sources)
            {
                bool forget;
                lock (state)
                {
                    forget = state.LockedUntil <= now && (!onlyStale || now - state.LastFailure > TimeSpan.FromMinutes(15));
                }

                if (forget)
                {
                    _sources.TryRemove(key, out _);
                }
            }

            if (_sources.Count < MaxSources * 9 / 10)
            {
                break;
            }
        }

        foreach (var (account, budget) in _accounts)
        {
            bool over;
            lock (budget)
            {
                over = now - budget.WindowStart >= AccountWindow;
            }

            if (over)
            {
                _accounts.TryRemove(account, out _);
            }
        }
    }

    private sealed class SourceState
    {
        public int Failures;
        public int Backoffs;
        public DateTimeOffset LockedUntil;
        public DateTimeOffset LastFailure;
    }

    private sealed class AccountState
    {
        public DateTimeOffset WindowStart;
        public int Failures;
    }
}
