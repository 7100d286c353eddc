package dev.tshoot.transcript.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.tshoot.playbook.Playbook;
import dev.tshoot.playbook.PlaybookLoader;

/** ELK's layered layout of each shipped playbook: no two boxes overlap, every link joins its two boxes, and it is the same each time. */
class LayeredLayoutTest {

    @ParameterizedTest
    @ValueSource(strings = {"docker-desktop-nested-virtualization", "docker-desktop-linux-kvm", "windows-wsl2-virtualization"})
    void theTreeOfEachShippedPlaybookIsLaidOutCleanlyAndTheSameEveryTime(String id) {
        Playbook pb = new PlaybookLoader().load(Path.of("playbooks", id + ".yaml")).playbook();
        List<String> ids = new ArrayList<>(pb.nodes().keySet());
        List<LayeredLayout.Link> links = new ArrayList<>();
        pb.nodes().forEach((from, n) -> n.targets().forEach(to -> links.add(new LayeredLayout.Link(from, to, "yes"))));
        LayeredLayout.Result r = LayeredLayout.layout(ids, 176, 46, links);

        assertThat(r.boxes()).hasSize(ids.size());
        List<Map.Entry<String, LayeredLayout.Box>> boxes = List.copyOf(r.boxes().entrySet());
        for (int i = 0; i < boxes.size(); i++) {
            LayeredLayout.Box a = boxes.get(i).getValue();
            assertThat(a.x()).isGreaterThanOrEqualTo(0);
            assertThat(a.x() + a.w()).isLessThanOrEqualTo(r.width());
            assertThat(a.y() + a.h()).isLessThanOrEqualTo(r.height());
            for (int j = i + 1; j < boxes.size(); j++) {
                LayeredLayout.Box b = boxes.get(j).getValue();
                boolean apart = a.x() + a.w() <= b.x() || b.x() + b.w() <= a.x() || a.y() + a.h() <= b.y() || b.y() + b.h() <= a.y();
                assertThat(apart).as(boxes.get(i).getKey() + " and " + boxes.get(j).getKey() + " overlap").isTrue();
            }
        }
        assertThat(r.routes()).hasSize(links.size());
        for (LayeredLayout.Route route : r.routes()) {
            assertThat(route.points()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(onBorder(route.points().get(0), r.boxes().get(route.from()))).as(route.from() + " -> " + route.to()).isTrue();
            assertThat(onBorder(route.points().get(route.points().size() - 1), r.boxes().get(route.to())))
                    .as(route.from() + " -> " + route.to()).isTrue();
            assertThat(route.label()).isNotNull();
        }
        LayeredLayout.Result again = LayeredLayout.layout(ids, 176, 46, links);
        assertThat(again.boxes()).isEqualTo(r.boxes());
        assertThat(again.width()).isEqualTo(r.width());
    }

    private static boolean onBorder(double[] p, LayeredLayout.Box b) {
        double e = 0.5;
        boolean inX = p[0] >= b.x() - e && p[0] <= b.x() + b.w() + e;
        boolean inY = p[1] >= b.y() - e && p[1] <= b.y() + b.h() + e;
        boolean edgeX = Math.abs(p[0] - b.x()) <= e || Math.abs(p[0] - b.x() - b.w()) <= e;
        boolean edgeY = Math.abs(p[1] - b.y()) <= e || Math.abs(p[1] - b.y() - b.h()) <= e;
        return inX && inY && (edgeX || edgeY);
    }
}
