package gmpvm.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gmpvm.loader.trace.TraceEvent;
import gmpvm.loader.trace.TraceFile;
import gmpvm.loader.trace.TraceHtml;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The HTML timeline in a real browser: headless Chromium (Debian's chromium and chromium-driver,
 * installed by scripts/install-deps.sh) driven by Selenium opens the page written by
 * {@code run --trace-html} for fanout and pingpong and checks the lanes and the slices drawn, a
 * tooltip on hover, zoom, a switch's details on click, and a clean console; a synthetic trace of
 * 100,000 slices measures the first paint (printed, recorded in docs/performance.md, not asserted).
 */
@org.junit.jupiter.api.Timeout(value = 180, unit = java.util.concurrent.TimeUnit.SECONDS)
class HtmlTimelineBrowserTest {
    static final Path DIR = Path.of("target", "trace-browser");
    private static WebDriver driver;

    @BeforeAll
    static void browser() throws Exception {
        Files.createDirectories(DIR);
        ChromeOptions o = new ChromeOptions();
        o.setBinary(new File("/usr/bin/chromium"));
        o.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1200,900",
                "--allow-file-access-from-files");
        o.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        driver = new ChromeDriver(service, o);
    }

    @AfterAll
    static void close() {
        if (driver != null) {
            driver.quit();
        }
    }

    private static Path page(String example, int procs) throws Exception {
        TraceRun.Result r = TraceRun.run(TraceRun.build(example), true, 0, procs, "GOMAXPROCS=" + procs);
        Path html = DIR.resolve(example.replace(".s", ".html"));
        TraceHtml.write(r.events(), html);
        return html;
    }

    private static List<TraceEvent> slices(List<TraceEvent> events) {
        List<TraceEvent> out = new ArrayList<>();
        for (TraceEvent e : events) {
            if (e.ph().equals("X") && (e.pid() == TraceEvent.PID_PS || e.pid() == TraceEvent.PID_MS)) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<String> laneNames(List<TraceEvent> events) {
        List<String> p = new ArrayList<>();
        List<String> m = new ArrayList<>();
        for (TraceEvent e : TraceFile.sorted(events)) {
            if (e.ph().equals("M") && e.name().equals("thread_name") && e.pid() == TraceEvent.PID_PS) {
                p.add(e.tid() + "\t" + e.str("name"));
            } else if (e.ph().equals("M") && e.name().equals("thread_name") && e.pid() == TraceEvent.PID_MS) {
                m.add(e.tid() + "\t" + e.str("name"));
            }
        }
        p.sort((a, b) -> Long.compare(Long.parseLong(a.split("\t")[0]), Long.parseLong(b.split("\t")[0])));
        m.sort((a, b) -> Long.compare(Long.parseLong(a.split("\t")[0]), Long.parseLong(b.split("\t")[0])));
        List<String> out = new ArrayList<>();
        p.forEach(x -> out.add(x.split("\t")[1]));
        m.forEach(x -> out.add(x.split("\t")[1]));
        return out;
    }

    private static void open(Path html) {
        driver.get(html.toAbsolutePath().toUri().toString());
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.findElement(By.tagName("body")).getAttribute("data-drawn") != null);
    }

    private static String body(String attr) {
        return driver.findElement(By.tagName("body")).getAttribute(attr);
    }

    private static void noConsoleErrors() {
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            assertTrue(e.getLevel().intValue() < Level.SEVERE.intValue(), "browser console: " + e);
        }
    }

    @Test
    void fanoutTimeline() throws Exception {
        TraceRun.Result r = TraceRun.run(TraceRun.build("fanout.s"), true, 0, 4, "GOMAXPROCS=4");
        Path html = DIR.resolve("fanout.html");
        TraceHtml.write(r.events(), html);
        String text = Files.readString(html);
        assertTrue(!text.contains("http://") && !text.contains("https://") && !text.contains("<script src"), "self-contained");
        open(html);
        List<String> lanes = laneNames(r.events());
        List<String> shown = driver.findElements(By.className("lane-label")).stream().map(WebElement::getText).toList();
        assertEquals(lanes, shown, "a lane per P then per M");
        assertEquals(String.valueOf(lanes.size()), body("data-lanes"));
        assertTrue(shown.subList(0, 4).equals(List.of("P0", "P1", "P2", "P3")), shown.toString());
        List<TraceEvent> slices = slices(r.events());
        assertEquals(String.valueOf(slices.size()), body("data-drawn"), "every slice drawn in the whole-run view");

        // hover over the middle of the longest goroutine run: the tooltip names it, with its times and why it stopped
        TraceEvent longest = slices.stream().filter(e -> "run".equals(e.cat()) && e.pid() == TraceEvent.PID_PS)
                .max((a, b) -> Long.compare(a.dur(), b.dur())).orElseThrow();
        hover(lanes.indexOf("P" + longest.tid()), longest.ts() + longest.dur() / 2);
        String tip = driver.findElement(By.id("tip")).getText();
        assertTrue(tip.startsWith(longest.name()), tip);
        assertTrue(tip.contains("goid " + longest.num("goid", -1)), tip);
        assertTrue(tip.contains("instruction " + longest.num("startInsn", -1)), tip);
        assertTrue(tip.contains("stopped: " + longest.str("why")), tip);

        // zoom in: half the span, fewer slices drawn; zoom back out to the whole run
        double span = Double.parseDouble(body("data-view-end")) - Double.parseDouble(body("data-view-start"));
        driver.findElement(By.id("zoom-in")).click();
        double zoomed = Double.parseDouble(body("data-view-end")) - Double.parseDouble(body("data-view-start"));
        assertEquals(span / 2, zoomed, 1.0);
        assertTrue(Integer.parseInt(body("data-drawn")) < slices.size(), "fewer slices in half the run");
        driver.findElement(By.id("zoom-reset")).click();
        assertEquals(String.valueOf(slices.size()), body("data-drawn"));
        assertTrue(driver.findElement(By.id("legend")).getText().contains("main.work"));
        noConsoleErrors();
    }

    @Test
    void pingpongTimelineShowsASwitchOnClick() throws Exception {
        TraceRun.Result r = TraceRun.run(TraceRun.build("pingpong.s"), true, 0, 1, "GOMAXPROCS=1");
        Path html = DIR.resolve("pingpong.html");
        TraceHtml.write(r.events(), html);
        open(html);
        List<String> lanes = laneNames(r.events());
        assertEquals(lanes.size(), driver.findElements(By.className("lane-label")).size());
        assertEquals(String.valueOf(slices(r.events()).size()), body("data-drawn"));
        // open a 400 ns window around a switch on M0's lane (the page's #view=START,END) and click its tick:
        // the details show the g before and after
        TraceEvent sw = TraceFile.sorted(r.events()).stream().filter(e -> "switch".equals(e.cat()) && e.tid() == 0)
                .skip(50).findFirst().orElseThrow();
        driver.get(html.toAbsolutePath().toUri() + "#view=" + (sw.ts() - 200) + "," + (sw.ts() + 200));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> String.valueOf(sw.ts() - 200).equals(body("data-view-start")));
        WebElement canvas = driver.findElement(By.id("timeline"));
        int w = canvas.getSize().getWidth();
        double v0 = Double.parseDouble(body("data-view-start"));
        double v1 = Double.parseDouble(body("data-view-end"));
        int lane = lanes.indexOf(lanes.stream().filter(n -> n.startsWith("M0 ")).findFirst().orElseThrow());
        int x = (int) Math.round((sw.ts() - v0) * w / (v1 - v0));
        int y = lane * 24 + 2;
        new Actions(driver).moveToElement(canvas, x - w / 2, y - canvas.getSize().getHeight() / 2).click().perform();
        String details = driver.findElement(By.id("details")).getText();
        assertTrue(details.contains("before: " + sw.str("from")) && details.contains("after: " + sw.str("to")), details);
        noConsoleErrors();
    }

    private static void hover(int lane, long ts) {
        WebElement canvas = driver.findElement(By.id("timeline"));
        double v0 = Double.parseDouble(body("data-view-start"));
        double v1 = Double.parseDouble(body("data-view-end"));
        int w = canvas.getSize().getWidth();
        int h = canvas.getSize().getHeight();
        int x = (int) Math.round((ts - v0) * w / (v1 - v0));
        int y = lane * 24 + 12;
        new Actions(driver).moveToElement(canvas, x - w / 2, y - h / 2).perform();
    }

    @Test
    void hundredThousandSlicesPaint() throws Exception {
        StringBuilder b = new StringBuilder("{\"traceEvents\":[");
        int lanes = 8;
        int n = 100_000;
        for (int k = 0; k < n; k++) {
            int lane = k % lanes;
            int pid = lane < 4 ? TraceEvent.PID_PS : TraceEvent.PID_MS;
            long goid = 1 + (k % 97);
            long ts = (long) (k / lanes) * 1000;
            b.append(k == 0 ? "" : ",").append("{\"ph\":\"X\",\"name\":\"G").append(goid).append(" main.work\",\"cat\":\"run\",\"pid\":")
                    .append(pid).append(",\"tid\":").append(lane % 4).append(",\"ts\":").append(ts / 1000).append(".000,\"dur\":0.800,")
                    .append("\"args\":{\"goid\":").append(goid).append(",\"startInsn\":").append(ts).append(",\"endInsn\":").append(ts + 800)
                    .append(",\"why\":\"chan receive\"}}");
        }
        b.append("]}");
        List<TraceEvent> events = TraceFile.parse(b.toString());
        Path html = DIR.resolve("slices100k.html");
        TraceHtml.write(events, html);
        open(html);
        assertEquals(String.valueOf(n), body("data-drawn"));
        assertEquals("8", body("data-lanes"));
        System.out.println("HtmlTimelineBrowserTest: first paint of " + n + " slices after " + body("data-first-paint-ms") + " ms");
        driver.findElement(By.id("zoom-in")).click();
        assertTrue(Integer.parseInt(body("data-drawn")) < n);
        noConsoleErrors();
    }
}
