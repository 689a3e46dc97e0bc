import { useEffect, useState } from 'react';
import { useFormat } from '../../app/format.ts';

/** Live clock: long date and seconds, updated every second. */
export function Clock() {
  const [now, setNow] = useState(() => new Date());
  const fmt = useFormat();
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return (
    <div className="tb-led-clock">
      <time dateTime={now.toISOString()} className="tb-led-time">
        {fmt.time(now)}
      </time>
      <div className="tb-led-date">{fmt.longDate(now)}</div>
    </div>
  );
}
